/** How many animation frames focusing waits for the criteria to render and enable. */
const MAX_FRAMES = 240;
/** How many frames in a row the criterion must keep focus: opening the sidebar moves focus once itself. */
const SETTLED_FRAMES = 3;

const FIRST_GROUP = '.ys-criteria [role="radiogroup"]';

/**
 * Moves keyboard focus to the first criterion's chosen level (or its first level), once the sidebar
 * has rendered it enabled; until then, to the sidebar's first button, so focus is inside either way.
 */
export function focusFirstCriterion(doc: Document): void {
  let frames = 0;
  let settled = 0;
  const attempt = () => {
    const group = doc.querySelector(FIRST_GROUP);
    const radios = [...(group?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? [])];
    const target = radios.find((radio) => radio.checked) ?? radios[0];
    if (target && !target.disabled) {
      if (doc.activeElement === target) settled++;
      else {
        settled = 0;
        target.focus();
      }
    } else if (frames === 0) doc.querySelector<HTMLElement>('.ys-sidebar button')?.focus();
    if (settled < SETTLED_FRAMES && ++frames < MAX_FRAMES) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
