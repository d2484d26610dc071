// ESLint for Segel: the language and framework rules, and the layering of
// docs/decisions/0030-layering.md as import boundaries. No type-aware rules: `eslint .`
// stays around a minute on two cores, and `tsc --noEmit` already checks the types.
import js from "@eslint/js";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";

// Packages that tie code to a framework, the database or the server runtime.
const frameworkPackages = ["next", "react", "react-dom", "next-intl", "next-auth", "@prisma/*", "pg", "server-only"];

// Code that may reach into any module's files: the composition root, the command-line
// entry points, the seed, benchmarks, scripts and every kind of test.
const exempt = [
  "src/app/**",
  "src/cli/**",
  "prisma/**",
  "bench/**",
  "scripts/**",
  "tests/**",
  "**/*.test.ts",
  "**/*.test.tsx",
  "src/modules/*/testing/**",
];

const moduleParts = ["module", "domain", "module-testing"];

// Each module offers three surfaces to the others (decision 0030).
const surfaces = [
  { element: { type: "module", fileInternalPath: ["index.ts", "components/index.ts"] } },
  { element: { type: "domain", fileInternalPath: "index.ts" } },
];

const layering = {
  files: ["src/**/*.{ts,tsx}"],
  ignores: exempt,
  plugins: { boundaries },
  settings: {
    "boundaries/root-path": import.meta.dirname,
    // An `@/` import that resolves to no file is ours, not a package from npm.
    "boundaries/flag-as-external": { unresolvableAlias: false },
    "boundaries/elements": [
      { type: "module-testing", pattern: "src/modules/*/testing", capture: ["module"], partialMatch: false },
      { type: "domain", pattern: "src/modules/*/domain", capture: ["module"], partialMatch: false },
      { type: "module", pattern: "src/modules/*", capture: ["module"], partialMatch: false },
      { type: "ui", pattern: "src/components/ui", partialMatch: false },
      { type: "lib", pattern: "src/lib", partialMatch: false },
      { type: "server", pattern: "src/server", partialMatch: false },
      { type: "generated", pattern: "src/generated", partialMatch: false },
    ],
  },
  rules: {
    // Policies are read in order and the last one that matches an import decides.
    "boundaries/dependencies": [
      "error",
      {
        default: "allow",
        // External packages and Node's own modules are checked too (domain/ and src/lib refuse
        // some), and so are imports that resolve to no file, so that a typo is not a way round.
        checkAllOrigins: true,
        checkUnknownLocals: true,
        policies: [
          {
            disallow: { to: { element: { types: { anyOf: moduleParts } } } },
            message:
              "Another module is reached through its index.ts, domain/index.ts or components/index.ts only (decision 0030).",
          },
          { allow: { to: { element: { captured: { module: "{{ from.element.captured.module }}" } } } } },
          { allow: { to: surfaces } },
          {
            disallow: { to: { element: { type: "module-testing" } } },
            message: "A module's testing/ folder is test set-up: only tests import it (decision 0030).",
          },
          {
            from: { element: { type: "ui" } },
            disallow: { to: { element: { types: { anyOf: [...moduleParts, "server"] } } } },
            message:
              "src/components/ui holds primitives: it imports no module and nothing from src/server (decision 0030).",
          },
          {
            from: { element: { type: "lib" } },
            disallow: {
              to: [
                { element: { types: { anyOf: [...moduleParts, "server", "generated"] } } },
                { module: { origin: "external", source: frameworkPackages } },
              ],
            },
            message: "src/lib is framework-free: no module, src/server, Prisma, Next or React (decision 0030).",
          },
          {
            from: { element: { type: "domain" } },
            disallow: {
              to: [
                { module: { origin: ["local", "core"] } },
                { module: { origin: "external", source: frameworkPackages } },
              ],
            },
            message:
              "domain/ holds pure rules: its own domain files, other modules' domain/index.ts, src/lib, node:crypto, node:path and pure packages; no Next, React, Prisma, server code or components (decision 0030).",
          },
          {
            from: { element: { type: "domain" } },
            allow: {
              to: [
                { element: { type: "domain", captured: { module: "{{ from.element.captured.module }}" } } },
                { element: { type: "domain", fileInternalPath: "index.ts" } },
                { element: { type: "lib" } },
                // node:path only computes strings: the backup layout names paths in its domain
                { module: { origin: "core", source: ["node:crypto", "crypto", "node:path"] } },
              ],
            },
          },
        ],
      },
    ],
  },
};

// Pure rules take the time and the configuration as arguments.
const clockMessage = "domain/ reads no clock: take the time as an argument (decision 0030).";
const noClock = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: clockMessage },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: clockMessage },
  { selector: "CallExpression[callee.name='Date']", message: clockMessage },
];
// A surface names what it offers, so a module's insides do not leak through it.
const noExportAll = {
  selector: "ExportAllDeclaration",
  message: "A module's surface re-exports named items only (decision 0030).",
};

const domainPurity = {
  files: ["src/modules/*/domain/**/*.{ts,tsx}"],
  ignores: ["**/*.test.ts", "**/*.test.tsx"],
  rules: {
    "no-restricted-syntax": ["error", ...noClock],
    "no-restricted-properties": [
      "error",
      {
        object: "process",
        property: "env",
        message: "domain/ reads no environment: take the configuration as an argument (decision 0030).",
      },
    ],
  },
};

// One setting of a rule replaces another, so domain/index.ts repeats the clock selectors.
const namedSurfaces = [
  {
    files: ["src/modules/*/index.ts", "src/modules/*/components/index.ts"],
    rules: { "no-restricted-syntax": ["error", noExportAll] },
  },
  {
    files: ["src/modules/*/domain/index.ts"],
    rules: { "no-restricted-syntax": ["error", ...noClock, noExportAll] },
  },
];

const projectRules = {
  linterOptions: { reportUnusedDisableDirectives: "error" },
  rules: {
    // Best-effort clean-up (a process already gone, localStorage refused in private mode) ignores its failure.
    "no-empty": ["error", { allowEmptyCatch: true }],
    // The input checks match NUL and the C0 controls on purpose (docs/decisions/0011).
    "no-control-regex": "off",
    // `_name` marks a parameter a signature needs; a rest sibling leaves out what is not shown.
    "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", ignoreRestSiblings: true }],
  },
};

const plainTypeScript = {
  files: ["**/*.ts"],
  // No JSX here: React.createElement must be given a required `children` among the props, or TypeScript refuses it.
  rules: { "react/no-children-prop": "off" },
};

const config = [
  {
    ignores: [
      "src/generated/**",
      ".next/**",
      ".data/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "blob-report/**",
      "prisma/migrations/**",
      "deploy/keys/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...nextVitals,
  ...nextTypescript,
  projectRules,
  plainTypeScript,
  layering,
  domainPurity,
  ...namedSurfaces,
];

export default config;
