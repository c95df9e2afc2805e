// Light and dark themes: the system's choice by default (the CSS follows prefers-color-scheme), or the one
// picked with the Theme button, remembered in localStorage. The button cycles auto → light → dark.
const KEY = "wasiplay.theme";
const CHOICES = ["auto", "light", "dark"];

function stored() {
  try {
    const value = localStorage.getItem(KEY);
    return CHOICES.includes(value) ? value : "auto";
  } catch {
    return "auto";
  }
}

function apply(choice, button) {
  if (choice === "auto") {
    delete document.documentElement.dataset.theme;
  } else {
    document.documentElement.dataset.theme = choice;
  }
  const effective = choice === "auto"
    ? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light")
    : choice;
  button.textContent = `Theme: ${choice}`;
  button.setAttribute("aria-label", `Theme: ${choice}${choice === "auto" ? ` (${effective} now)` : ""}; click to change`);
  button.dataset.effective = effective;
}

export function initTheme(button) {
  let choice = stored();
  apply(choice, button);
  button.addEventListener("click", () => {
    choice = CHOICES[(CHOICES.indexOf(choice) + 1) % CHOICES.length];
    try {
      localStorage.setItem(KEY, choice);
    } catch {
      // storage disabled: the choice lasts for this page only
    }
    apply(choice, button);
  });
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => apply(choice, button));
}
