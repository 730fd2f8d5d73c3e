/* Material's script after the first paint (see macros/first_paint.py).
 *
 * Material 9.8.2 puts its script (114 KB, 35 KB compressed) at the end of
 * every page as a plain <script src>: the browser fetches it with the
 * stylesheet and runs it before it shows the page. Everything a reader reads
 * is already in the page and works without it (links, the menu, tables,
 * printing), so this script asks for Material's only once the first text is
 * on screen (the "first-contentful-paint" entry; where a browser does not
 * report paints, on the page's load event).
 *
 * Material starts on DOMContentLoaded. A script added after that event does
 * not see it, so when the page was parsed before Material's script ran, the
 * event is announced again for it; every other listener of the site listens
 * once. The script's address is this element's data-bundle attribute.
 */
(function () {
  "use strict";
  var address = document.currentScript.getAttribute("data-bundle");
  var asked = false;

  function load() {
    if (asked) return;
    asked = true;
    var script = document.createElement("script");
    script.src = address;
    script.onload = function () {
      if (document.readyState !== "loading") document.dispatchEvent(new Event("DOMContentLoaded"));
    };
    document.body.appendChild(script);
  }

  var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
  if (types && types.indexOf("paint") >= 0) {
    new PerformanceObserver(function (list, observer) {
      if (!list.getEntriesByName("first-contentful-paint").length) return;
      observer.disconnect();
      load();
    }).observe({ type: "paint", buffered: true });
  } else {
    window.addEventListener("load", load);
  }
}());
