/*
 * Backwise consent hook. While the site's default storage is "none" (the
 * plugin's settings), a widget does not remember the reader's place or quiz
 * until a consent tool says it may:
 *
 *   window.backwiseConsent(true);   // the reader agreed: remember from now on
 *   window.backwiseConsent(false);  // consent withdrawn: stop writing
 *
 * It changes only the widgets whose storage comes from that default; a post
 * that sets storage="none" itself stays as it is. The widget applies the
 * change live and keeps what the reader has done so far. This file is loaded
 * at the end of the page, after the last widget and before DOMContentLoaded,
 * so a consent tool that may answer before it has run can wait for that:
 *
 *   function grant() { window.backwiseConsent(true); }
 *   if (window.backwiseConsent) grant(); else document.addEventListener('DOMContentLoaded', grant);
 */
(function () {
  'use strict';
  window.backwiseConsent = function (granted) {
    var storage = granted === false ? 'none' : 'local';
    var widgets = document.querySelectorAll('backwise-widget[data-backwise-consent]');
    for (var i = 0; i < widgets.length; i++) {
      widgets[i].setAttribute('storage', storage);
    }
  };
})();
