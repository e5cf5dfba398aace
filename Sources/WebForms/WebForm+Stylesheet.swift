extension WebForm {
    /// The page's stylesheet, served at ``stylesheetPath`` as `text/css`: system fonts only,
    /// a visible focus ring, errors marked by a bar and text (never by colour alone).
    public static let stylesheet = #"""
:root { color-scheme: light; --wf-error: #b3261e; --wf-ok: #1b5e20; --wf-line: #6b6b6b; --wf-focus: #ffbf47; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 48rem; padding: 1rem; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
.wf-languages ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.wf-languages a[aria-current="page"] { font-weight: bold; text-decoration: none; }
a:focus, button:focus, input:focus, select:focus, textarea:focus, .wf-error-summary:focus { outline: 3px solid var(--wf-focus); outline-offset: 1px; }
.wf-error-summary { border: 4px solid var(--wf-error); padding: 0.75rem 1rem; margin-bottom: 1.5rem; }
.wf-error-summary h2 { font-size: 1.25rem; margin: 0 0 0.5rem; }
.wf-error-summary a { color: var(--wf-error); font-weight: bold; }
fieldset { border: 1px solid var(--wf-line); margin: 0 0 1.25rem; padding: 0.5rem 1rem 0.75rem; }
legend { font-weight: bold; padding: 0 0.25rem; }
.wf-row { border-style: dashed; }
.wf-field { margin: 0 0 1rem; }
.wf-field > label { display: block; font-weight: 600; }
.wf-checkbox > label { display: inline; font-weight: normal; margin-left: 0.4rem; }
.wf-required { color: var(--wf-error); }
.wf-help { margin: 0.1rem 0 0.3rem; color: #4a4a4a; font-size: 0.9375rem; }
.wf-error { margin: 0.1rem 0 0.3rem; color: var(--wf-error); font-weight: bold; }
.wf-invalid { border-left: 4px solid var(--wf-error); padding-left: 0.75rem; }
input[type=text], input[type=date], input[type=number], select, textarea { font: inherit; width: 100%; max-width: 32rem; padding: 0.3rem 0.4rem; border: 2px solid var(--wf-line); }
input[type=checkbox] { width: 1.25rem; height: 1.25rem; vertical-align: middle; }
[aria-invalid="true"] { border-color: var(--wf-error); }
.wf-check { margin: 0.2rem 0 0; min-height: 1.5em; }
.wf-check-bad { color: var(--wf-error); font-weight: bold; }
.wf-check-ok { color: var(--wf-ok); }
button { font: inherit; padding: 0.4rem 0.9rem; margin: 0.25rem 0.5rem 0.25rem 0; border: 2px solid #1a1a1a; background: #f3f3f3; cursor: pointer; }
.wf-submit button[value] { background: #1d4f91; color: #fff; border-color: #1d4f91; }
.wf-js .wf-nojs { display: none; }
.wf-default { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
[hidden] { display: none !important; }
"""#
}
