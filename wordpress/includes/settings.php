<?php
/**
 * Settings › Backwise: the defaults a widget takes when its post does not
 * choose. Stored as one option, backwise_settings, which uninstall.php removes.
 *
 * @package Backwise
 */

defined( 'ABSPATH' ) || exit;

/** Defaults of the defaults: remember nothing until a consent tool says so. */
function backwise_default_settings() {
	return array(
		'storage' => 'none',
		'theme'   => 'auto',
	);
}

/**
 * The saved settings, each one valid whatever the database holds.
 *
 * @return array{storage: string, theme: string}
 */
function backwise_settings() {
	return backwise_sanitize_settings( get_option( 'backwise_settings', array() ) );
}

/**
 * Keep known values only; anything else gives the default.
 *
 * @param mixed $input The submitted (or stored) settings.
 * @return array{storage: string, theme: string}
 */
function backwise_sanitize_settings( $input ) {
	$input    = is_array( $input ) ? $input : array();
	$clean    = backwise_default_settings();
	$choices  = backwise_choices();
	foreach ( array_keys( $clean ) as $name ) {
		if ( isset( $input[ $name ] ) && in_array( $input[ $name ], $choices[ $name ], true ) ) {
			$clean[ $name ] = $input[ $name ];
		}
	}
	return $clean;
}

add_action( 'admin_init', 'backwise_register_settings' );
add_action( 'admin_menu', 'backwise_add_settings_page' );
add_filter( 'plugin_action_links_' . plugin_basename( BACKWISE_PLUGIN_FILE ), 'backwise_settings_link' );

function backwise_register_settings() {
	register_setting(
		'backwise',
		'backwise_settings',
		array(
			'type'              => 'array',
			'sanitize_callback' => 'backwise_sanitize_settings',
			'default'           => backwise_default_settings(),
		)
	);
	add_settings_section( 'backwise_defaults', __( 'Defaults for every widget', 'backwise' ), 'backwise_settings_intro', 'backwise' );
	add_settings_field( 'backwise_storage', __( 'Remember progress', 'backwise' ), 'backwise_storage_field', 'backwise', 'backwise_defaults' );
	add_settings_field( 'backwise_theme', __( 'Theme', 'backwise' ), 'backwise_theme_field', 'backwise', 'backwise_defaults', array( 'label_for' => 'backwise_theme' ) );
}

function backwise_add_settings_page() {
	add_options_page( __( 'Backwise', 'backwise' ), __( 'Backwise', 'backwise' ), 'manage_options', 'backwise', 'backwise_settings_page' );
}

/** A "Settings" link next to Deactivate on the Plugins screen. */
function backwise_settings_link( $links ) {
	$url = admin_url( 'options-general.php?page=backwise' );
	array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'backwise' ) . '</a>' );
	return $links;
}

function backwise_settings_intro() {
	echo '<p>' . esc_html__( 'A post can still choose for itself: [backwise storage="local" theme="dark"], or the block\'s sidebar.', 'backwise' ) . '</p>';
}

function backwise_storage_field() {
	$current = backwise_settings()['storage'];
	$options = array(
		'none'  => __( 'Not until the reader consents (recommended). Your consent tool turns it on by calling window.backwiseConsent(true).', 'backwise' ),
		'local' => __( 'Always: the reader\'s place in the tips and their quiz are kept in their browser (localStorage), never sent anywhere.', 'backwise' ),
	);
	echo '<fieldset><legend class="screen-reader-text">' . esc_html__( 'Remember progress', 'backwise' ) . '</legend>';
	foreach ( $options as $value => $label ) {
		printf(
			'<p><label><input type="radio" name="backwise_settings[storage]" value="%s"%s> %s</label></p>',
			esc_attr( $value ),
			checked( $current, $value, false ),
			esc_html( $label )
		);
	}
	echo '</fieldset>';
}

function backwise_theme_field() {
	$current = backwise_settings()['theme'];
	$options = array(
		'auto'  => __( 'Automatic (follows the reader\'s light or dark mode)', 'backwise' ),
		'light' => __( 'Light', 'backwise' ),
		'dark'  => __( 'Dark', 'backwise' ),
	);
	echo '<select id="backwise_theme" name="backwise_settings[theme]">';
	foreach ( $options as $value => $label ) {
		printf( '<option value="%s"%s>%s</option>', esc_attr( $value ), selected( $current, $value, false ), esc_html( $label ) );
	}
	echo '</select>';
}

function backwise_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html__( 'Backwise', 'backwise' ) . '</h1>';
	echo '<form action="' . esc_url( admin_url( 'options.php' ) ) . '" method="post">';
	settings_fields( 'backwise' );
	do_settings_sections( 'backwise' );
	submit_button();
	echo '</form></div>';
}
