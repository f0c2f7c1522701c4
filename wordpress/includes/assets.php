<?php
/**
 * The widget's script: an ES module, loaded once per page, and only on pages
 * that render a widget (the shortcode and the block enqueue it as they
 * render; enqueueing twice is a no-op).
 *
 * @package Backwise
 */

defined( 'ABSPATH' ) || exit;

/** The URL of a file in the plugin's folder. */
function backwise_plugin_url( $path ) {
	return plugins_url( $path, BACKWISE_PLUGIN_FILE );
}

/**
 * Registered on init, enqueued by backwise_enqueue_assets(). WordPress 6.5
 * and later have script modules. Before that, a classic script handle is
 * printed as a module by backwise_module_tag(). The ?ver= query makes a new
 * release fetch the new embed.js, whose name never changes; embed.js finds
 * the wasm from its own URL, so the query does not reach the wasm's.
 */
function backwise_register_assets() {
	$src = backwise_plugin_url( 'widget/embed.js' );
	if ( function_exists( 'wp_register_script_module' ) ) {
		wp_register_script_module( 'backwise', $src, array(), BACKWISE_VERSION );
	} else {
		wp_register_script( 'backwise', $src, array(), BACKWISE_VERSION, true );
	}
	wp_register_script( 'backwise-consent', backwise_plugin_url( 'assets/consent.js' ), array(), BACKWISE_VERSION, true );
}

/**
 * Ask for the widget's script on this page.
 *
 * @param bool $consent Whether this widget waits for the consent hook (assets/consent.js).
 */
function backwise_enqueue_assets( $consent ) {
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( 'backwise' );
	} else {
		wp_enqueue_script( 'backwise' );
	}
	if ( $consent ) {
		wp_enqueue_script( 'backwise-consent' );
	}
}

add_filter( 'script_loader_tag', 'backwise_module_tag', 10, 3 );

/**
 * Before WordPress 6.5: print the classic handle as a module. The tag is
 * written whole, rather than patched, so that it does not depend on how a
 * WordPress version formats its script tags.
 *
 * @param string $tag    The tag WordPress wrote.
 * @param string $handle The script's handle.
 * @param string $src    The script's URL, with its ?ver= query.
 * @return string
 */
function backwise_module_tag( $tag, $handle, $src ) {
	if ( 'backwise' !== $handle ) {
		return $tag;
	}
	return '<script type="module" fetchpriority="low" src="' . esc_url( $src ) . '" id="backwise-js"></script>' . "\n";
}

add_filter( 'wp_script_attributes', 'backwise_module_attributes' );

/**
 * WordPress 6.5 and later print script modules through wp_print_script_tag(),
 * whose attributes this filter sees: the widget's module is fetched at low
 * priority, as in the tag above (it starts after the page's first paint).
 *
 * @param array $attributes The tag's attributes.
 * @return array
 */
function backwise_module_attributes( $attributes ) {
	if ( isset( $attributes['id'] ) && 'backwise-js-module' === $attributes['id'] ) {
		$attributes['fetchpriority'] = 'low';
	}
	return $attributes;
}
