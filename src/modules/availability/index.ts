// What other modules use of the availability module (docs/decisions/0040). Each part adds
// only the names another module imports.
export {};
