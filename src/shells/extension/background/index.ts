/**
 * The background (Chrome service worker, Firefox event page). All cookie and storage access
 * happens here. Each module registers one listener at load time — listeners must be added
 * synchronously on start, or the browser does not wake the worker for them.
 */
import "./onConnect";
import "./onMessage";
import "./onCookieChanged";
import "./onTabRemoved";
