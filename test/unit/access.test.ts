/** The pure access rules of functions/domain/access.ts that the access matrix cannot show alone: who is a person. */
import { describe, expect, it } from "vitest";
import { assertAllowed, isSelf, maySeeUser } from "../../functions/domain/access";
import type { Actor } from "../../functions/domain/customer";
import { apiErrorThrownBy } from "./support";

const actor = (kind: Actor["kind"], id: string, role: Actor["role"] = null): Actor => ({
  kind,
  id,
  name: id,
  role,
  orgUnitScope: null,
});

describe("PERSON: a signed-in person acting on their own mailbox", () => {
  it("allows users and administrators signed in, never an API key, whatever its role", () => {
    expect(() => assertAllowed(actor("USER", "ana@example.com"), "PERSON", "change their settings")).not.toThrow();
    expect(() =>
      assertAllowed(actor("ADMIN", "boss@example.com", "READ_ONLY"), "PERSON", "change their settings"),
    ).not.toThrow();
    const refused = apiErrorThrownBy(() =>
      assertAllowed(actor("API_KEY", "key_1", "SUPER_ADMIN"), "PERSON", "change their own mail settings"),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toContain("signed in");
  });

  it("isSelf: the person whose address it is; an API key is no person, even with an id that looks like one", () => {
    expect(isSelf(actor("USER", "ana@example.com"), "ana@example.com")).toBe(true);
    expect(isSelf(actor("ADMIN", "ana@example.com", "ORG_UNIT_ADMIN"), "ana@example.com")).toBe(true);
    expect(isSelf(actor("USER", "ana@example.com"), "ben@example.com")).toBe(false);
    expect(isSelf(actor("API_KEY", "ana@example.com", "READ_ONLY"), "ana@example.com")).toBe(false);
    expect(maySeeUser(actor("USER", "ana@example.com"), "ben@example.com")).toBe(false);
  });
});
