/*
 * The Backwise block in the editor: its settings in the sidebar, and a
 * preview rendered by the server (the same PHP as on the page, which shows
 * the no-JavaScript fallback, since the editor does not run the widget).
 * Plain ES5 against WordPress's globals, so that there is no build step;
 * block.json declares the attributes, backwise.php renders it.
 */
(function (wp) {
  'use strict';
  var el = wp.element.createElement;
  var __ = wp.i18n.__;
  var InspectorControls = wp.blockEditor.InspectorControls;
  var useBlockProps = wp.blockEditor.useBlockProps;
  var PanelBody = wp.components.PanelBody;
  var SelectControl = wp.components.SelectControl;
  var TextControl = wp.components.TextControl;
  var ServerSideRender = wp.serverSideRender;

  // An empty value means the default: the site's settings for theme and
  // storage (Settings › Backwise), the widget's own for the others.
  var CHOICES = {
    view: [
      { value: '', label: __('Tips (default)', 'backwise') },
      { value: 'quiz', label: __('Quiz', 'backwise') }
    ],
    theme: [
      { value: '', label: __('Site default', 'backwise') },
      { value: 'auto', label: __('Automatic (light or dark mode)', 'backwise') },
      { value: 'light', label: __('Light', 'backwise') },
      { value: 'dark', label: __('Dark', 'backwise') }
    ],
    storage: [
      { value: '', label: __('Site default', 'backwise') },
      { value: 'local', label: __('Always remember', 'backwise') },
      { value: 'none', label: __('Never remember', 'backwise') }
    ],
    layout: [
      { value: '', label: __('Automatic (default)', 'backwise') },
      { value: 'stack', label: __('One item at a time', 'backwise') },
      { value: 'board', label: __('Board', 'backwise') }
    ]
  };
  var LABELS = {
    view: __('Opens on', 'backwise'),
    theme: __('Theme', 'backwise'),
    storage: __('Remember progress', 'backwise'),
    layout: __('Quiz layout', 'backwise')
  };

  wp.blocks.registerBlockType('backwise/widget', {
    edit: function (props) {
      var attributes = props.attributes;
      var set = function (name) {
        return function (value) {
          var change = {};
          change[name] = value;
          props.setAttributes(change);
        };
      };
      var selects = Object.keys(CHOICES).map(function (name) {
        return el(SelectControl, {
          key: name,
          label: LABELS[name],
          value: attributes[name],
          options: CHOICES[name],
          onChange: set(name)
        });
      });
      var deck = el(TextControl, {
        key: 'deck',
        type: 'url',
        label: __('Deck URL', 'backwise'),
        help: __('A deck JSON file. Empty: the built-in back-pain deck.', 'backwise'),
        value: attributes.deck,
        onChange: set('deck')
      });
      return el(
        'div',
        useBlockProps(),
        el(InspectorControls, null, el(PanelBody, { title: __('Widget', 'backwise') }, selects.concat(deck))),
        el(ServerSideRender, { block: 'backwise/widget', attributes: attributes })
      );
    },
    // Rendered on the server: the post stores the block's attributes only.
    save: function () {
      return null;
    }
  });
})(window.wp);
