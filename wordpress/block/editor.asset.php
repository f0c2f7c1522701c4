<?php
/**
 * What block/editor.js needs from WordPress. It is written by hand against
 * WordPress's globals (there is no build step), so this file is too.
 *
 * @package Backwise
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-i18n', 'wp-server-side-render' ),
	'version'      => BACKWISE_VERSION,
);
