/**
 * Follows the devtools theme: the host says light or dark, the root element gets `data-theme`,
 * and theme.css switches its CSS variables on that attribute.
 */
import { useEffect } from "preact/hooks";
import type { PanelHost } from "../../shared/host";

export function useTheme(host: PanelHost): "light" | "dark" {
  const theme = host.theme();
  useEffect(() => {
    document.documentElement.setAttribute("data-theme", theme);
  }, [theme]);
  return theme;
}
