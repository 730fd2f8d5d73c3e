/* The search results, finished on the page (see macros/search.py).
 *
 * Material 9.8.2 draws each result from the worker's entries. Three things it
 * cannot draw by itself are done here, each time the result list changes:
 *
 *   - a figure answer's entry has an address that names the figure
 *     ("2023/ket-qua/?so-lieu=so-lieu-giam_ngheo-ti_le_ho_ngheo", so that
 *     Material lists it as a result of its own, see figure_answers.py); its
 *     link is made to point at the figure's anchor in the report's text, and
 *     the result is marked as a figure answer for the stylesheet;
 *   - a passage under its page's own title has an empty heading in the
 *     index (its page's title is shown above it): the empty heading goes;
 *   - when no result contains every word (the worker then returns those with
 *     the most of them, and Material marks the missing words), the line
 *     above the results says so instead of counting them.
 */
(function () {
  "use strict";
  var PARTIAL = "Không có kết quả chứa đủ mọi từ — kết quả gần đúng:";
  var PARAMETER = "so-lieu";

  function finish(result) {
    var list = result.querySelector(".md-search-result__list");
    var meta = result.querySelector(".md-search-result__meta");
    if (!list || !meta) return;
    list.querySelectorAll("a.md-search-result__link[href*='?" + PARAMETER + "=']").forEach(function (link) {
      var address = new URL(link.href);
      var anchor = address.searchParams.get(PARAMETER);
      address.search = "";
      address.hash = anchor;
      link.href = address.href;
      link.closest(".md-search-result__item").classList.add("tim-so-lieu__ket-qua");
    });
    list.querySelectorAll(".md-search-result__article > h2:empty").forEach(function (heading) {
      heading.remove();
    });
    var first = list.firstElementChild;
    if (first && first.querySelector(".md-search-result__terms") && meta.textContent !== PARTIAL)
      meta.textContent = PARTIAL;
  }

  function watch() {
    var result = document.querySelector("[data-md-component='search-result']");
    if (!result) return;
    new MutationObserver(function () { finish(result); })
      .observe(result, { childList: true, subtree: true, characterData: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
}());
