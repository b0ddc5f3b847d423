// kabar: the only script. Toggles highlight layers on the article page; everything works without it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const text = document.getElementById("article-text");
  const layers = document.querySelector("fieldset.layers");
  if (!text || !layers) return;
  layers.hidden = false;
  for (const box of layers.querySelectorAll("input[data-layer]")) {
    box.addEventListener("change", () => text.classList.toggle("hide-" + box.dataset.layer, !box.checked));
  }
});
