/* Search data only when a reader opens search (see macros/search.py).
 *
 * Material 9.8.2's bundle requests search/search_index.json with
 * XMLHttpRequest as soon as a page loads, and its search worker then loads
 * the language script: bytes every visitor pays on every first visit, for
 * every year the site will ever hold, though few search. This script runs
 * before the bundle and holds that one request back until search is opened
 * (the search box focused or touched, or the search toggle switched on);
 * Material then builds its index as before, showing "Đang chuẩn bị tìm kiếm"
 * meanwhile.
 *
 * It also drops an answer that is already out of date: Material posts each
 * query to its search worker as it is typed and labels every answer with
 * the query in the box when the answer arrives, so an earlier query's empty
 * answer read "nothing found" for what the reader had typed since (seen
 * when the index became ready between two key presses). Only the answer to
 * the latest query is shown. Nothing else is changed; without JavaScript
 * nothing changes.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:[?#].*)?$/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var started = false;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.baoCaoSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.baoCaoSearchIndex && !started) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  // Material's search worker messages (integrations/search/worker/message): 2 is a query, 3 its answer.
  // The worker answers queries one by one, in order; an answer while a later query is unanswered is stale.
  var QUERY = 2, RESULT = 3;
  var Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      var asked = 0, answered = 0;
      this.addEventListener("message", function (event) {
        if (!event.data || event.data.type !== RESULT) return;
        answered += 1;
        if (answered < asked) event.stopImmediatePropagation();
      });
      var post = this.postMessage;
      this.postMessage = function (message) {
        if (message && message.type === QUERY) asked += 1;
        return post.apply(this, arguments);
      };
    }
  };

  function start() {
    if (started) return;
    started = true;
    held.splice(0).forEach(function (request) { send.apply(request[0], request[1]); });
  }
  function opensSearch(target) {
    return target instanceof Element &&
      !!target.closest(".md-search__input, label[for='__search'], .md-search__form");
  }
  document.addEventListener("focusin", function (event) { if (opensSearch(event.target)) start(); });
  document.addEventListener("pointerdown", function (event) { if (opensSearch(event.target)) start(); });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) start();
  });
}());
