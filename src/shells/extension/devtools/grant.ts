/**
 * The small window where a Firefox user grants host access (devtools panels there have no
 * permissions API; the click here is the user gesture `permissions.request` needs). The answer
 * goes back to the panels through the background, then the window closes itself.
 */
import browser from "webextension-polyfill";
import { originPermissionPattern, request } from "../../../shared/protocol";

const origin = new URLSearchParams(location.search).get("origin") ?? "";
const allow = document.getElementById("allow") as HTMLButtonElement;
const result = document.getElementById("result") as HTMLElement;
document.getElementById("origin")!.textContent = origin;

allow.addEventListener("click", async () => {
  allow.disabled = true;
  const granted = await browser.permissions.request({ origins: [originPermissionPattern(origin)] });
  result.textContent = granted ? "Access granted. Back to DevTools…" : "Access not granted.";
  await request((message) => browser.runtime.sendMessage(message), {
    type: "permission-result",
    origin,
    granted,
  });
  if (granted) window.close();
  else allow.disabled = false;
});
