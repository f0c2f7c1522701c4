<?php
/**
 * Deleting the plugin removes its one option, on every site of a network.
 * Posts keep their [backwise] shortcodes and blocks as text.
 *
 * @package Backwise
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $backwise_site ) {
		switch_to_blog( $backwise_site );
		delete_option( 'backwise_settings' );
		restore_current_blog();
	}
} else {
	delete_option( 'backwise_settings' );
}
