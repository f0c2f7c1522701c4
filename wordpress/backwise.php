<?php
/**
 * Plugin Name:       Backwise
 * Description:       Back-pain exercise tips and a sorting quiz for your posts: the [backwise] shortcode and the Backwise block.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       backwise
 *
 * @package Backwise
 */

defined( 'ABSPATH' ) || exit;

// scripts/release refuses to build when this differs from Cargo.toml's
// version, so that the plugin always names the widget it carries.
define( 'BACKWISE_VERSION', '0.1.0' );
define( 'BACKWISE_PLUGIN_FILE', __FILE__ );

require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/assets.php';
require_once __DIR__ . '/includes/widget.php';

add_action( 'init', 'backwise_register' );

/** The shortcode and the block: two ways to write the same tag. */
function backwise_register() {
	add_shortcode( 'backwise', 'backwise_shortcode' );
	register_block_type( __DIR__ . '/block', array( 'render_callback' => 'backwise_render_block' ) );
	backwise_register_assets();
}

/**
 * [backwise view="quiz" theme="dark" storage="none" deck="https://…/knee.json" layout="stack"]
 *
 * @param array|string $atts The attributes as written (a string when there are none).
 * @return string
 */
function backwise_shortcode( $atts ) {
	$atts = shortcode_atts( array_fill_keys( backwise_attribute_names(), '' ), $atts, 'backwise' );
	return '<div class="backwise-shortcode">' . backwise_widget_html( $atts ) . '</div>';
}

/**
 * The block's server-side render; its attributes are the shortcode's.
 *
 * @param array $attributes The block's attributes.
 * @return string
 */
function backwise_render_block( $attributes ) {
	// The wrapper takes the theme's block spacing: the widget itself keeps no
	// margin, so that no rule of the page reaches inside its box.
	return '<div ' . get_block_wrapper_attributes() . '>' . backwise_widget_html( (array) $attributes ) . '</div>';
}
