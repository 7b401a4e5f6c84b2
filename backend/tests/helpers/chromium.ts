/*
| How the browser tests and the first-load bench start Debian's Chromium
| (headless, through playwright-core).
|
| Chromium's omnibox popup is a page of its own (chrome://omnibox-popup.top-chrome),
| and Chromium 156 loads it for every new profile, even headless, where no
| omnibox is ever shown: about 1.3 s of one core for each browser context
| (measured on this machine: the popup's renderer used 1.2 to 1.3 s of CPU in
| the 3 s after a context opened, none with these features off). A test or a
| measured page load opened just after its context was then sharing two cores
| with it. The two features below turn that page off; Chromium merges them
| with the ones Playwright turns off.
*/
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
]
