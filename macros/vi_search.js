/*
 * Vietnamese search for Material for MkDocs (see macros/search.py).
 *
 * Material's search worker loads "lunr/min/lunr.<lang>.min.js" for the site's
 * language and calls `this.use(lunr.vi)` while building the index. The build
 * writes this file there, followed by `viSearch.install(<glossary>)`, so that:
 *
 *   - every indexed word and every query word is folded: lower case, no tone
 *     or vowel marks, "đ" read as "d". "ngan sach" finds "ngân sách", "uỷ"
 *     meets "ủy". Token positions are kept, so results still highlight the
 *     original Vietnamese text;
 *   - numbers and document numbers stay whole ("1.484", "99,9%",
 *     "6368/QĐ-UBND"), and their parts are indexed too ("6368", "UBND");
 *   - an abbreviation and its long form find each other: wherever the text
 *     has a long form ("giải phóng mặt bằng"), its abbreviation ("gpmb") is
 *     indexed on each of its words, and a query that contains a long form is
 *     searched as the abbreviation (from data/thuat-ngu.yml);
 *   - every word of a query must match, and only the last word, still being
 *     typed, matches as a prefix ("ngan sach" does not find "ngành ... sách");
 *   - ranking: entries where the typed words stand next to each other, as
 *     typed ("đầu tư công"), come first (found from the matched words'
 *     positions after the query: indexing word pairs cost a quarter of the
 *     time to build the index), and words typed with their marks rank exact
 *     spellings first;
 *   - "tỉ" and "tỷ", "lí" and "lý", "kĩ" and "kỹ" (a syllable whose only
 *     vowel is i or y) are one word: the report writes both;
 *   - when no entry contains every word, the entries with the most of them
 *     are returned (Material marks the missing words; search_results.js says
 *     the results are approximate);
 *   - figure answers (entries whose address names a figure, see
 *     macros/figure_answers.py) whose meaning holds at least half of the
 *     words come first;
 *   - a page's title ranks below its best matching passage, which Material
 *     then shows under it (the page's other passages folded away);
 *   - a passage's heading is shown with it but not searched: a passage is
 *     found by its own words, not by every word of its section's title.
 *
 * Written for the worker of Material 9.8.2 (importScripts of this file, then
 * `this.use(lunr.vi)`; queries through lunr.Index#search and
 * lunr.Query#clause) and the lunr 2.3.9 it bundles; both pinned in
 * requirements.txt.
 */
(function (root) {
  "use strict"

  var MARKS = /[\u0300-\u036f]/g
  var EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu
  var WILDCARDS = /^(\**)(.*?)(\**)$/s
  // Score factor for each pair of typed words that an entry has side by side.
  var PHRASE_BOOST = 3
  var EXACT_BOOST = 3
  // A syllable whose only vowel is a final y, spelt with i as often ("tỷ"/"tỉ", "lý"/"lí").
  var Y_SYLLABLE = /^(b|ch?|d|gh?|h|kh?|l|m|ng?|nh|ph?|qu?|r|s|th?|tr|v|x)y$/
  var FIGURE = /\?so-lieu=/
  // At most this many figure answers come before everything else, if they score at least PROMOTE_SHARE
  // of the best one.
  var PROMOTED_FIGURES = 2
  var PROMOTE_SHARE = 0.5
  // Other figure answers: short entries that lunr and Material would rank above the passages
  // that state them, so they count for this much of their score.
  var FIGURE_WEIGHT = 0.05
  // A page whose passages match counts for at most this share of its best passage, so that Material
  // (which boosts a page 2.5 times more than a passage and folds away every passage scoring below the
  // first entry of its page's group) shows the best passage instead of the bare title.
  var PAGE_SHARE = 0.3

  /**
   * The function, remembering its answer for each text: a report repeats
   * the same few thousand words, and Unicode normalisation is the costly
   * part of building the index.
   */
  function remembered(fn) {
    var memory = new Map()
    return function (text) {
      var key = String(text)
      if (!memory.has(key))
        memory.set(key, fn(key))
      return memory.get(key)
    }
  }

  /** Lower case without tone or vowel marks: "Giải phóng" -> "giai phong". */
  var fold = remembered(function (text) {
    return text.toLowerCase().normalize("NFD").replace(MARKS, "")
      .replace(/đ/g, "d").normalize("NFC")
  })

  /** A word as written, lower case, outer punctuation removed. */
  var exact = remembered(function (text) {
    return text.toLowerCase().normalize("NFC").replace(EDGES, "")
  })

  /** One search term: folded, outer punctuation removed, "KT-XH" -> "ktxh", "tỷ" -> "ti". */
  var term = remembered(function (text) {
    var folded = fold(text).replace(EDGES, "")
    if (Y_SYLLABLE.test(folded))
      return folded.slice(0, -1) + "i"
    return /^\p{L}+(?:-\p{L}+)+$/u.test(folded) ? folded.replace(/-/g, "") : folded
  })

  /** Terms indexed for one word: the whole word, and the parts of "6368/QĐ-UBND" (a new list each time). */
  function wordTerms(text) {
    return parts(text).slice()
  }

  var parts = remembered(function (text) {
    var whole = term(text)
    if (!whole)
      return []
    var terms = [whole]
    var joined = fold(text).replace(EDGES, "")
    if (/[-/]/.test(joined))
      joined.split(/[-/]+/).forEach(function (part) {
        part = term(part)
        if (part && terms.indexOf(part) < 0)
          terms.push(part)
      })
    return terms
  })

  /** Glossary entries as folded word lists, longest long form first. */
  function compile(glossary) {
    return glossary.map(function (entry) {
      return {
        short: entry.short.map(term).filter(Boolean),
        long: entry.long.split(/\s+/).map(term).filter(Boolean)
      }
    }).sort(function (a, b) { return b.long.length - a.long.length })
  }

  /**
   * Where each long form occurs in `words` (folded words, "" for punctuation
   * that stands alone): for each word index, the abbreviations covering it.
   * `partialLast` lets the last word be the beginning of the long form's last
   * word (a query still being typed).
   */
  function longForms(entries, words, partialLast) {
    var found = words.map(function () { return [] })
    entries.forEach(function (entry) {
      for (var start = 0; start < words.length; start++) {
        var covered = [], j = start, k = 0
        while (k < entry.long.length && j < words.length) {
          if (words[j] === "") { j++; continue }
          var last = partialLast && j === words.length - 1 && k === entry.long.length - 1
          if (words[j] !== entry.long[k] && !(last && entry.long[k].indexOf(words[j]) === 0))
            break
          covered.push(j); j++; k++
        }
        if (k === entry.long.length)
          covered.forEach(function (at) { found[at].push(entry.short[0]) })
      }
    })
    return found
  }

  /** Finished words match whole; only the last word keeps its trailing "*". */
  function completeWords(query) {
    var words = String(query).trim().split(/\s+/)
    return words.map(function (word, i) {
      return i < words.length - 1 ? word.replace(/\*+$/, "") : word
    })
  }

  /**
   * The query as lunr clauses: required terms, excluded terms ("-word") and
   * optional ranking terms. A long form in the query is searched as its
   * abbreviation, which the index holds wherever either is written.
   */
  function plan(entries, query) {
    var typed = completeWords(query)
    var excluded = [], kept = []
    typed.forEach(function (word) {
      if (/^-./.test(word))
        excluded.push(term(WILDCARDS.exec(word.slice(1))[2]))
      else
        kept.push(word.replace(/^\+/, ""))
    })
    var prefixLast = /\*$/.test(kept[kept.length - 1] || "")
    var bare = kept.map(function (word) { return WILDCARDS.exec(word)[2] })
    var words = bare.map(term)
    var covered = longForms(entries, words, prefixLast)
    var required = [], ranking = []
    function add(list, value) {
      if (value.term && !list.some(function (c) { return c.term === value.term }))
        list.push(value)
    }
    words.forEach(function (word, i) {
      var last = prefixLast && i === words.length - 1
      if (covered[i].length) {
        // One clause for the abbreviation, holding every typed word it stands for.
        var standing = required.filter(function (c) { return c.term === covered[i][0] })[0]
        if (!standing)
          required.push(standing = { term: covered[i][0], wildcard: false, words: [] })
        if (word && standing.words.indexOf(word) < 0)
          standing.words.push(word)
        return
      }
      add(required, { term: word, wildcard: last, words: [word] })
      var spelled = exact(bare[i])
      if (spelled !== word)
        add(ranking, { term: spelled, wildcard: last, boost: EXACT_BOOST })
    })
    return { required: required, excluded: excluded.filter(Boolean), ranking: ranking }
  }

  /** Each highlighted position once, however many query terms matched it. */
  function dedupePositions(results) {
    results.forEach(function (result) {
      var seen = {}
      Object.keys(result.matchData.metadata).forEach(function (name) {
        var fields = result.matchData.metadata[name]
        Object.keys(fields).forEach(function (field) {
          var positions = fields[field].position
          if (!Array.isArray(positions))
            return
          seen[field] = seen[field] || new Set()
          fields[field].position = positions.filter(function (position) {
            var key = String(position)
            return seen[field].has(key) ? false : (seen[field].add(key), true)
          })
        })
      })
    })
    return results
  }

  /** Whether an index term is what a required term asks for (a prefix, for the last word still typed). */
  function answers(key, clause) {
    return clause.wildcard ? key.indexOf(clause.term) === 0 : key === clause.term
  }

  /** Whether a result's matched index terms include a required term. */
  function matches(result, clause) {
    return Object.keys(result.matchData.metadata).some(function (key) { return answers(key, clause) })
  }

  /**
   * Material marks a query word as missing from a result unless a matched
   * index term starts with it; an abbreviation stands for several words, so
   * each word it stands for is recorded as matched (without positions).
   */
  function recordWords(results, required) {
    results.forEach(function (result) {
      required.forEach(function (clause) {
        if (!matches(result, clause))
          return
        clause.words.forEach(function (word) {
          if (!(word in result.matchData.metadata))
            result.matchData.metadata[word] = {}
        })
      })
    })
    return results
  }

  /**
   * Results of a query no entry fully answers: the entries with the most of
   * its words first (an abbreviation counts for the words it stands for),
   * then by score. Scores are spread so far apart that
   * Material's own later boosts (at most five times) keep that order.
   */
  function mostWordsFirst(results, required) {
    var best = Math.max.apply(null, results.map(function (r) { return r.score }).concat([1e-9]))
    return results.map(function (result) {
      var count = required.reduce(function (words, clause) {
        return words + (matches(result, clause) ? Math.max(1, clause.words.length) : 0)
      }, 0)
      return { result: result, count: count }
    }).filter(function (item) { return item.count > 0 }).map(function (item) {
      item.result.score = Math.pow(20, item.count) * (1 + item.result.score / best)
      return item.result
    }).sort(function (a, b) { return b.score - a.score })
  }

  /** How many of the required terms an entry's title (a figure's meaning) holds. */
  function titleMatches(result, required) {
    var metadata = result.matchData.metadata
    return required.filter(function (clause) {
      return Object.keys(metadata).some(function (key) {
        return "title" in metadata[key] && answers(key, clause)
      })
    }).length
  }

  /**
   * The best figure answers whose meaning holds at least half of the words
   * go first: at most PROMOTED_FIGURES, each scoring at least PROMOTE_SHARE
   * of the best.
   */
  function figuresFirst(results, required) {
    var figures = results.filter(function (r) {
      return FIGURE.test(r.ref) && 2 * titleMatches(r, required) >= required.length
    }).sort(function (a, b) { return b.score - a.score })
    var top = Math.max.apply(null, results.map(function (r) { return r.score }))
    var promoted = figures.slice(0, PROMOTED_FIGURES).filter(function (figure) {
      return figure.score >= PROMOTE_SHARE * figures[0].score
    })
    return figuresAfterText(results, promoted).map(function (result) {
      var rank = promoted.indexOf(result)
      if (rank >= 0)
        result.score = top * 1000 * (PROMOTED_FIGURES - rank) + result.score
      return result
    }).sort(function (a, b) { return b.score - a.score })
  }

  /** Figure answers other than `kept` weigh less than the passages they come from. */
  function figuresAfterText(results, kept) {
    results.forEach(function (result) {
      if (FIGURE.test(result.ref) && kept.indexOf(result) < 0)
        result.score *= FIGURE_WEIGHT
    })
    return results
  }

  /** Positions, field by field, of the index terms a required term matched in a result. */
  function positions(result, clause) {
    var found = {}, metadata = result.matchData.metadata
    Object.keys(metadata).forEach(function (key) {
      if (!answers(key, clause))
        return
      Object.keys(metadata[key]).forEach(function (field) {
        found[field] = (found[field] || []).concat(metadata[key][field].position || [])
      })
    })
    return found
  }

  /**
   * Entries with typed words side by side first: Material's positions count
   * a block's words in order, so two words are side by side when the second
   * is at the first's position plus one.
   */
  function phrasesFirst(results, required) {
    results.forEach(function (result) {
      var found = required.map(function (clause) { return positions(result, clause) })
      for (var i = 0; i + 1 < found.length; i++) {
        var side = Object.keys(found[i]).some(function (field) {
          var next = new Set(found[i + 1][field] || [])
          return found[i][field].some(function (at) { return next.has(at + 1) })
        })
        if (side)
          result.score *= PHRASE_BOOST
      }
    })
    return results.sort(function (a, b) { return b.score - a.score })
  }

  /** A page's title entry below its best matching passage (see PAGE_SHARE). */
  function passagesLead(results) {
    var best = {}
    results.forEach(function (result) {
      var hash = result.ref.indexOf("#")
      if (hash >= 0) {
        var page = result.ref.slice(0, hash)
        best[page] = Math.max(best[page] || 0, result.score)
      }
    })
    results.forEach(function (result) {
      if (result.ref in best && result.ref.indexOf("#") < 0)
        result.score = Math.min(result.score, PAGE_SHARE * best[result.ref])
    })
    return results.sort(function (a, b) { return b.score - a.score })
  }

  var api = {
    fold: fold, exact: exact, term: term, wordTerms: wordTerms, compile: compile,
    longForms: longForms, completeWords: completeWords, plan: plan,
    dedupePositions: dedupePositions, matches: matches, recordWords: recordWords,
    mostWordsFirst: mostWordsFirst, figuresFirst: figuresFirst, figuresAfterText: figuresAfterText,
    passagesLead: passagesLead, phrasesFirst: phrasesFirst
  }

  /** Wire the functions into lunr (inside Material's search worker). */
  api.install = function (glossary) {
    var lunr = root.lunr
    if (typeof lunr === "undefined")
      return
    var entries = compile(glossary)

    function index(token, i, tokens) {
      if (!tokens.viWords) {
        tokens.viWords = tokens.map(function (t) { return term(t.toString()) })
        tokens.viLongForms = longForms(entries, tokens.viWords, false)
      }
      var terms = wordTerms(token.toString())
      var extra = [exact(token.toString())]
        .concat(tokens.viLongForms[i])
      extra.forEach(function (value) {
        if (value && terms.indexOf(value) < 0)
          terms.push(value)
      })
      return terms.map(function (value) {
        return token.clone(function () { return value })
      })
    }
    lunr.Pipeline.registerFunction(index, "vi-index")

    lunr.vi = function () {
      this.pipeline.reset()
      this.searchPipeline.reset()
      this.pipeline.add(index)
      // A passage (an address with "#") is found by its text; its title, its section's heading, is only shown.
      var field = this.field
      this.field = function (name, attributes) {
        if (name === "title" && attributes && attributes.extractor) {
          var extract = attributes.extractor
          attributes.extractor = function (doc) {
            return String(doc.location).indexOf("#") < 0 ? extract(doc) : undefined
          }
        }
        return field.call(this, name, attributes)
      }
    }

    // Material counts a query word that no result term starts with as missing, except English stop
    // words; this index has none (Vietnamese "do", "an", "to" are words).
    lunr.stopWordFilter = function (token) { return token }

    // Query words are split on white space only, so that "6368/QĐ-UBND" or
    // "KT-XH" reach the clause whole.
    lunr.QueryLexer.termSeparator = /\s+/

    // Typed clauses are folded like the index and required unless excluded;
    // ranking clauses (flagged below) stay optional and as given.
    var clause = lunr.Query.prototype.clause
    lunr.Query.prototype.clause = function (value) {
      if (value.viRanking) {
        value.presence = lunr.Query.presence.OPTIONAL
        value.usePipeline = false
      } else {
        if (typeof value.term === "string") {
          var parts = WILDCARDS.exec(value.term)
          value.term = parts[1] + term(parts[2]) + parts[3]
        }
        if (!value.viPresence && (value.presence === undefined ||
                                  value.presence === lunr.Query.presence.OPTIONAL))
          value.presence = lunr.Query.presence.REQUIRED
      }
      return clause.call(this, value)
    }

    lunr.Index.prototype.search = function (queryString) {
      var planned = plan(entries, queryString)
      if (!planned.required.length)
        return []
      var every = run(this, planned, lunr.Query.presence.REQUIRED)
      if (every.length)
        return dedupePositions(passagesLead(figuresFirst(phrasesFirst(recordWords(every, planned.required),
                                                                      planned.required), planned.required)))
      if (planned.required.length < 2)
        return []
      var some = run(this, planned, lunr.Query.presence.OPTIONAL)
      return dedupePositions(passagesLead(mostWordsFirst(
        figuresAfterText(phrasesFirst(recordWords(some, planned.required), planned.required), []),
        planned.required)))
    }

    function run(index, planned, presence) {
      return index.query(function (builder) {
        planned.required.forEach(function (value) {
          builder.clause({ term: value.term, wildcard: wildcard(value.wildcard), presence: presence,
                           viPresence: true })
        })
        planned.excluded.forEach(function (value) {
          builder.clause({ term: value, presence: lunr.Query.presence.PROHIBITED })
        })
        planned.ranking.forEach(function (value) {
          builder.clause({ term: value.term, boost: value.boost,
                           wildcard: wildcard(value.wildcard), viRanking: true })
        })
      })
    }

    function wildcard(trailing) {
      return trailing ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE
    }
  }

  root.viSearch = api
})(typeof self !== "undefined" ? self : this)
