// ESLint for the scripts the site ships (make lint runs it; versions pinned in package.json).
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["plugins/tejido/theme/assets/javascripts/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",  // plain <script> tags, so the site also works from file://
      globals: { ...globals.browser },
    },
    rules: {
      "strict": ["error", "function"],
      "eqeqeq": "error",
      "no-implicit-globals": "error",
      "no-var": "off",  // the scripts are written in ES5 style on purpose
      "no-unused-vars": ["error", { "args": "after-used" }],
    },
  },
];
