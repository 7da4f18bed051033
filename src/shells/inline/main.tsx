/**
 * The inline shell: the whole panel in a plain page over the in-memory fake host, for working on
 * the UI without an extension. `npx vite src/shells/inline`, then try ?scenario=agreeing,
 * ?scenario=empty, ?permission=denied, ?page=unsupported, ?theme=dark. The fake host is on
 * `window.sessionLensFakeHost` for playing cookie changes from the console; the buttons above
 * the panel play the overwrite race.
 */
import { render } from "preact";
import { App } from "../../panel/App";
import { createFakeHost, type FakeHost, optionsFromQuery } from "./fakeHost";
import { flaskCookie, starletteCookie } from "./scenario";

declare global {
  interface Window {
    sessionLensFakeHost?: FakeHost;
  }
}

const options = optionsFromQuery(window.location.search);
const host = createFakeHost(options);
window.sessionLensFakeHost = host;

const nowSeconds = () => Math.floor(Date.now() / 1000);
const play = (id: string, act: () => void) =>
  document.getElementById(id)?.addEventListener("click", act);
play("fastapi-writes", () => host.setCookie(starletteCookie(nowSeconds(), "/"), "overwrite"));
play("flask-writes", () => host.setCookie(flaskCookie(nowSeconds()), "overwrite"));

const root = document.getElementById("root");
if (root) render(<App host={host} />, root);
