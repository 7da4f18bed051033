/**
 * Shown when the extension may not read this origin's cookies yet. The button asks for host
 * access from the click itself (browsers only grant it from a user gesture), then re-lists.
 */
import { useState } from "preact/hooks";
import styles from "./States.module.css";

interface Props {
  origin: string;
  requestPermission: (origin: string) => Promise<boolean>;
  onGranted: () => void;
}

export function PermissionPrompt({ origin, requestPermission, onGranted }: Props) {
  const [denied, setDenied] = useState(false);
  const onClick = () => {
    requestPermission(origin).then(
      (granted) => (granted ? onGranted() : setDenied(true)),
      () => setDenied(true),
    );
  };
  return (
    <div class={styles.state} data-testid="no-permission">
      <p>Session Lens needs your permission to read cookies on {origin}.</p>
      <button type="button" class={styles.primary} onClick={onClick}>
        Allow Session Lens to read cookies on {origin}
      </button>
      {denied && (
        <p class={styles.warning} role="alert">
          Permission was not granted. Click the button again and choose Allow, or grant access in
          the extension's site access settings.
        </p>
      )}
    </div>
  );
}
