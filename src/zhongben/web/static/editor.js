// The document editor: each section is a contenteditable block; bold/underline buttons; on save
// each block's HTML goes into its hidden field (the server keeps only <p>, <b>, <u>).
document.addEventListener("click", function (e) {
  var button = e.target.closest && e.target.closest("button[data-mark]");
  if (button) { e.preventDefault(); document.execCommand(button.getAttribute("data-mark")); }
});
document.addEventListener("submit", function (e) {
  if (!e.target || e.target.id !== "edit-form") { return; }
  e.target.querySelectorAll("[data-section]").forEach(function (block) {
    var field = e.target.querySelector("textarea[name='section-" + block.getAttribute("data-section") + "']");
    if (field) { field.value = block.innerHTML; }
  });
});
