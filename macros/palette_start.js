/* A first visit's colours before the first paint (see macros/palette.py).
 *
 * When no choice of colours is stored, Material's script picks the palette
 * whose media query matches (the phone's light or dark setting), and a
 * stored choice is applied by Material's own inline script at the top of the
 * body. Material's script comes at the end of the page: on a slow connection
 * the browser paints the text before it arrives, so a reader whose phone is
 * set to dark saw the page light, then dark. This makes the same first
 * choice before the first paint. It runs after the header, whose palette
 * inputs it reads; the toggle appears with Material's script, which makes
 * it work.
 */
(function () {
  "use strict";
  if (__md_get("__palette")) return;
  var input = Array.from(document.querySelectorAll("[data-md-component=palette] input")).find(function (option) {
    return matchMedia(option.getAttribute("data-md-color-media")).matches;
  });
  if (!input) return;
  ["scheme", "primary", "accent"].forEach(function (key) {
    document.body.setAttribute("data-md-color-" + key, input.getAttribute("data-md-color-" + key));
  });
}());
