/** After navigating to another site, the previous site's exported sides are not on screen. */
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { SidesEditor } from "../../src/panel/components/SidesEditor/SidesEditor";
import { flaskSide } from "../../src/shells/inline/scenario";

afterEach(() => cleanup());

describe("sides export across navigation", () => {
  it("hides the previous site's export box", () => {
    const editor = (origin: string) => (
      <SidesEditor
        origin={origin}
        sides={[flaskSide()]}
        saveError={null}
        onChange={() => {}}
        onRemove={() => {}}
      />
    );
    const { rerender } = render(editor("http://127.0.0.1:8000"));
    fireEvent.click(screen.getByRole("button", { name: "Export sides" }));
    expect(screen.getByTestId("export-json")).toBeTruthy();
    rerender(editor("http://localhost:5000"));
    expect(screen.queryByTestId("export-json")).toBeNull();
  });
});
