// Small modal dialogs built on <dialog>: ask for a file name (validated before closing), confirm a
// destructive action. Each resolves with the answer, or null when cancelled.

const byId = (id) => document.getElementById(id);

/**
 * @param {{title: string, label?: string, value?: string, okText: string, validate: (value: string) => string}} options
 *        validate returns the accepted value or throws an Error whose message is shown under the field
 * @returns {Promise<string | null>}
 */
export function askForName({ title, value = "", okText, validate }) {
  const dialog = byId("name-dialog");
  const input = byId("name-input");
  const error = byId("name-error");
  byId("name-dialog-title").textContent = title;
  byId("name-ok").textContent = okText;
  input.value = value;
  error.hidden = true;
  return new Promise((resolve) => {
    const form = byId("name-form");
    const cleanup = () => {
      form.removeEventListener("submit", onSubmit);
      byId("name-cancel").removeEventListener("click", onCancel);
      dialog.removeEventListener("cancel", onCancel);
      input.removeEventListener("input", onInput);
    };
    const onSubmit = (event) => {
      event.preventDefault();
      try {
        const accepted = validate(input.value);
        cleanup();
        dialog.close();
        resolve(accepted);
      } catch (problem) {
        error.textContent = problem.message;
        error.hidden = false;
        input.setAttribute("aria-invalid", "true");
        input.focus();
      }
    };
    const onCancel = (event) => {
      event.preventDefault();
      cleanup();
      dialog.close();
      resolve(null);
    };
    const onInput = () => {
      error.hidden = true;
      input.removeAttribute("aria-invalid");
    };
    form.addEventListener("submit", onSubmit);
    byId("name-cancel").addEventListener("click", onCancel);
    dialog.addEventListener("cancel", onCancel);
    input.addEventListener("input", onInput);
    dialog.showModal();
    input.focus();
    const dot = value.lastIndexOf(".");
    input.setSelectionRange(0, dot > 0 ? dot : value.length);
  });
}

/** @returns {Promise<boolean>} */
export function confirmAction(text, okText) {
  const dialog = byId("confirm-dialog");
  byId("confirm-text").textContent = text;
  byId("confirm-ok").textContent = okText;
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "ok"), { once: true });
    dialog.returnValue = "cancel";
    dialog.showModal();
    byId("confirm-cancel").focus();
  });
}

export function anyDialogOpen() {
  return document.querySelector("dialog[open]") !== null;
}
