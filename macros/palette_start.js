/* A first visit's colours before the first paint (see macros/first_paint.py).
 *
 * When no choice of colours is stored, Material's script picks the palette
 * whose media query matches (the phone's light or dark setting); a stored
 * choice is applied by Material's own inline script at the top of the body.
 * Material's script now runs after the first paint, so this makes its first
 * choice before it, the same way: else a reader whose phone is set to dark
 * would see the page light, then dark. It runs after the header, whose
 * palette inputs it reads; the toggle still appears with Material's script,
 * which makes it work.
 */
(function () {
  "use strict";
  if (__md_get("__palette")) return;
  var inputs = Array.prototype.slice.call(document.querySelectorAll("[data-md-component=palette] input"));
  var input = inputs.find(function (option) {
    return matchMedia(option.getAttribute("data-md-color-media")).matches;
  });
  if (input && input.getAttribute("data-md-color-media") === "(prefers-color-scheme)") {
    var light = matchMedia("(prefers-color-scheme: light)").matches;
    input = document.querySelector("[data-md-color-media='(prefers-color-scheme: " + (light ? "light" : "dark") + ")']");
  }
  if (!input) return;
  ["scheme", "primary", "accent"].forEach(function (key) {
    document.body.setAttribute("data-md-color-" + key, input.getAttribute("data-md-color-" + key));
  });
}());
