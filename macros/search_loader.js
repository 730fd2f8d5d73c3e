/* Search data only when a reader opens search (see macros/search.py).
 *
 * Material 9.8.2's bundle requests search/search_index.json with
 * XMLHttpRequest as soon as a page loads, and its search worker then loads
 * the language script: bytes every visitor pays on every first visit, for
 * every year the site will ever hold, though few search. This script runs
 * before the bundle and holds that one request back until search is opened
 * (the search box focused or touched, or the search toggle switched on);
 * Material then builds its index as before, showing "Đang chuẩn bị tìm kiếm"
 * meanwhile. A query typed while the index is still on its way is held
 * too, and posted to the search worker right after the index: Material
 * posts each query as it is typed, and a worker that gets a query before
 * its index answers "nothing found" and is not asked again. Nothing else is
 * changed; without JavaScript nothing changes.
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

  // Material's search worker messages (integrations/search/worker/message): 0 sets the index up, 2 is a query.
  var SETUP = 0, QUERY = 2;
  var post = Worker.prototype.postMessage;
  var ready = new WeakSet();
  var waiting = new WeakMap();
  Worker.prototype.postMessage = function (message) {
    var type = message && message.type;
    if (type === QUERY && !ready.has(this)) {
      waiting.set(this, (waiting.get(this) || []).concat([arguments]));
      return undefined;
    }
    var result = post.apply(this, arguments);
    if (type === SETUP) {
      ready.add(this);
      var worker = this;
      (waiting.get(this) || []).forEach(function (args) { post.apply(worker, args); });
      waiting.delete(this);
    }
    return result;
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
