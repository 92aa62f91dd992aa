// The fake checks its own answers: every 2xx JSON body it sends is validated against the Platform API schema
// link for the request, in the variant the request's Accept asked for (3.sdk strictly, version=3 allowing newer
// fields, as test/unit/support/fake-heroku/client.ts does). A violation is recorded, never thrown at the client:
// test runs fail on them at the end (GET /__fake/violations for the integration runner and the e2e harness,
// takeProcessViolations() for the unit suite's root hook in ./mocha-hooks.ts).
import type { Variant } from '../router';
import { SchemaValidator } from './validator';

export interface SchemaViolation {
  method: string;
  path: string;
  variant: Variant;
  status: number;
  /** `METHOD href` of the schema link used; undefined when no link matches the request. */
  link?: string;
  errors: string[];
}

/** Kept per fake (a long sandbox session must not grow without bound); `count` has them all. */
const MAX_KEPT = 200;

// Compiling a variant's schema costs ~15-30 ms and each link's first use some more: one per process, shared by
// every fake a test run starts.
const validators = new Map<Variant, SchemaValidator>();
/** The process's validator for a variant: 3.sdk strict (exactly the listed properties), 3 allowing newer ones. */
export function validator(variant: Variant): SchemaValidator {
  let v = validators.get(variant);
  if (!v) {
    v = new SchemaValidator(variant, { allowNewerProperties: variant === '3' });
    validators.set(variant, v);
  }
  return v;
}

const processSink: SchemaViolation[] = [];

/** Every violation any fake in this process recorded since the last call (the unit suite checks after each test). */
export function takeProcessViolations(): SchemaViolation[] {
  return processSink.splice(0);
}

export function describeViolation(v: SchemaViolation): string {
  return `${v.method} ${v.path} (${v.status}, version=${v.variant}) does not match ${v.link ?? 'any schema link'}: ${v.errors.slice(0, 5).join('; ')}`;
}

export class SelfCheck {
  readonly violations: SchemaViolation[] = [];
  count = 0;

  constructor(private readonly onViolation?: (v: SchemaViolation) => void) {}

  check(method: string, path: string, variant: Variant, status: number, body: unknown): void {
    if (status < 200 || status >= 300) return;
    const r = validator(variant).validateResponse(method, path, body);
    if (r.ok) return;
    const v: SchemaViolation = { method, path, variant, status, ...(r.link ? { link: r.link } : {}), errors: r.errors };
    this.count++;
    if (this.violations.length < MAX_KEPT) this.violations.push(v);
    if (processSink.length < MAX_KEPT) processSink.push(v);
    this.onViolation?.(v);
  }

  clear(): void {
    this.violations.length = 0;
    this.count = 0;
  }
}
