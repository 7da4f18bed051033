import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { StoredSecret } from "../../../model/side";
import { SecretField } from "./SecretField";

afterEach(() => cleanup());

describe("SecretField", () => {
  it("flags hex that is not hex, and keeps the choice of hex made before typing", () => {
    const onChange = vi.fn<(s: StoredSecret | undefined) => void>();
    const { rerender } = render(
      <SecretField id="s" label="Secret" value={undefined} onChange={onChange} />,
    );
    fireEvent.change(screen.getByLabelText("Secret encoding"), { target: { value: "hex" } });
    expect((screen.getByLabelText("Secret encoding") as HTMLSelectElement).value).toBe("hex");
    fireEvent.change(screen.getByLabelText("Secret"), { target: { value: "0fz" } });
    expect(onChange).toHaveBeenLastCalledWith({ value: "0fz", encoding: "hex" });
    rerender(
      <SecretField
        id="s"
        label="Secret"
        value={{ value: "0fz", encoding: "hex" }}
        onChange={onChange}
      />,
    );
    expect(screen.getByRole("alert").textContent).toMatch(/Secret is not hex/);
  });

  it("clears the secret when emptied", () => {
    const onChange = vi.fn<(s: StoredSecret | undefined) => void>();
    render(
      <SecretField
        id="s"
        label="Secret"
        value={{ value: "k", encoding: "utf8" }}
        onChange={onChange}
      />,
    );
    fireEvent.change(screen.getByLabelText("Secret"), { target: { value: "" } });
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });
});
