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
 * The widget tag, with the fallback inside it for the built-in deck, and
 * (once per page) the deck's structured data.
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
	// than content that is not its own. PHP never reads a deck itself.
	if ( '' === $a['deck'] ) {
		$html .= backwise_release_file( 'back-pain.html' );
	}
	$html .= '</backwise-widget>';

	if ( '' === $a['deck'] ) {
		$html .= backwise_structured_data();
	}
	return $html;
}

/**
 * STRUCTURED DATA (issue 21, part 3). The release will write the built-in
 * deck's schema.org JSON-LD to fallback/back-pain.jsonld with the CLI, next
 * to the fallback HTML. Until it does, the file is absent and nothing is
 * printed. Printed once per page, however many widgets show the deck; as a
 * JSON-LD block it is data, which a strict Content-Security-Policy allows.
 *
 * @return string
 */
function backwise_structured_data() {
	static $printed = false;
	$json = backwise_release_file( 'back-pain.jsonld' );
	if ( $printed || '' === $json ) {
		return '';
	}
	$data = json_decode( $json );
	if ( null === $data ) {
		return '';
	}
	$printed = true;
	// Encoded again so that no string in it can close the script element
	// (wp_json_encode escapes "/" as "\/", and JSON_HEX_TAG "<" and ">").
	return '<script type="application/ld+json">' . wp_json_encode( $data, JSON_HEX_TAG | JSON_UNESCAPED_UNICODE ) . '</script>';
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
