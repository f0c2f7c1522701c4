<?php
/**
 * The <backwise-widget> tag, written by one function for the shortcode and
 * the block alike, so that both accept the same values and print the same
 * markup.
 *
 * @package Backwise
 */

defined( 'ABSPATH' ) || exit;

/**
 * The values each choice attribute accepts. A value outside its list (or a
 * missing one) gives the default: the site's settings for theme and storage,
 * the first value for the others. The widget itself ignores ASCII case, so
 * this does too.
 *
 * @return array<string, string[]>
 */
function backwise_choices() {
	return array(
		'view'    => array( 'tips', 'quiz' ),
		'theme'   => array( 'auto', 'light', 'dark' ),
		'storage' => array( 'none', 'local' ),
		'layout'  => array( 'auto', 'stack', 'board' ),
	);
}

/** Every attribute the shortcode and the block take. */
function backwise_attribute_names() {
	return array_merge( array_keys( backwise_choices() ), array( 'deck' ) );
}

/**
 * The attributes as the tag will carry them: known values only.
 *
 * @param array $attributes As written in the shortcode or saved by the block.
 * @return array{view: string, theme: string, storage: string, layout: string, deck: string, consent: bool}
 */
function backwise_normalize_attributes( array $attributes ) {
	$settings = backwise_settings();
	$defaults = array(
		'view'    => 'tips',
		'theme'   => $settings['theme'],
		'storage' => $settings['storage'],
		'layout'  => 'auto',
	);

	$clean = array();
	foreach ( backwise_choices() as $name => $allowed ) {
		$value          = isset( $attributes[ $name ] ) && is_scalar( $attributes[ $name ] )
			? strtolower( trim( (string) $attributes[ $name ] ) )
			: '';
		$clean[ $name ] = in_array( $value, $allowed, true ) ? $value : $defaults[ $name ];
	}
	$clean['deck'] = backwise_deck_url( isset( $attributes['deck'] ) ? $attributes['deck'] : '' );

	// Storage that only waits for the reader's consent (the site's default
	// is "none", and the post did not choose): the consent hook may turn it
	// on. A post that says storage="none" keeps it off.
	$chosen           = isset( $attributes['storage'] ) && in_array( strtolower( trim( (string) $attributes['storage'] ) ), backwise_choices()['storage'], true );
	$clean['consent'] = ! $chosen && 'none' === $clean['storage'];
	return $clean;
}

/**
 * A deck URL the widget may fetch, or '' for the built-in deck. Only web
 * addresses: http(s) or a path on this site. Anything else (javascript:,
 * data:, a bare word that esc_url_raw would turn into http://word) gives
 * the built-in deck rather than a broken widget.
 *
 * @param mixed $value As written.
 * @return string
 */
function backwise_deck_url( $value ) {
	$value = is_scalar( $value ) ? trim( (string) $value ) : '';
	if ( '' === $value ) {
		return '';
	}
	if ( '/' !== $value[0] && ! preg_match( '#^https?://#i', $value ) ) {
		return '';
	}
	return esc_url_raw( $value, array( 'http', 'https' ) );
}

/**
 * The widget tag, with the fallback inside it for the built-in deck. The
 * fallback ends with the deck's schema.org JSON-LD, as the CLI wrote it: a
 * data block, which a strict Content-Security-Policy allows, and which names
 * the quiz by one "@id", so that two widgets of the deck on a page describe
 * one quiz.
 *
 * @param array $attributes As written in the shortcode or saved by the block.
 * @return string
 */
function backwise_widget_html( array $attributes ) {
	$a = backwise_normalize_attributes( $attributes );
	backwise_enqueue_assets( $a['consent'] );

	$html = '<backwise-widget';
	foreach ( array_keys( backwise_choices() ) as $name ) {
		$html .= ' ' . $name . '="' . esc_attr( $a[ $name ] ) . '"';
	}
	if ( '' !== $a['deck'] ) {
		$html .= ' deck="' . esc_url( $a['deck'] ) . '"';
	}
	if ( $a['consent'] ) {
		$html .= ' data-backwise-consent';
	}
	$html .= '>';
	// The fallback is the built-in deck's: a custom deck gets none, rather
	// than content (or structured data) that is not its own. PHP never reads
	// a deck itself.
	if ( '' === $a['deck'] ) {
		$html .= backwise_release_file( 'back-pain.html' );
	}
	$html .= '</backwise-widget>';
	return $html;
}

/**
 * A file the release wrote into fallback/, or '' when there is none (a
 * plugin run from the repository, before a release).
 *
 * @param string $name File name in fallback/.
 * @return string
 */
function backwise_release_file( $name ) {
	static $cache = array();
	if ( ! isset( $cache[ $name ] ) ) {
		$path           = dirname( BACKWISE_PLUGIN_FILE ) . '/fallback/' . $name;
		$cache[ $name ] = is_readable( $path ) ? (string) file_get_contents( $path ) : ''; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file of the plugin.
	}
	return $cache[ $name ];
}
