/** Helpers shared by the unit tests. */
import { expect } from "vitest";
import { ApiError } from "../../functions/errors";

/** Runs `action`, expects it to throw an ApiError, and returns that error for closer inspection. */
export function apiErrorThrownBy(action: () => unknown): ApiError {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, "expected an ApiError to be thrown").toBeInstanceOf(ApiError);
  return thrown as ApiError;
}

/** Expects `action` to throw BAD_USER_INPUT naming `field`, and returns the error's message. */
export function badInputMessage(action: () => unknown, field: string): string {
  const error = apiErrorThrownBy(action);
  expect(error.code).toBe("BAD_USER_INPUT");
  expect(error.details.field).toBe(field);
  return error.message;
}
