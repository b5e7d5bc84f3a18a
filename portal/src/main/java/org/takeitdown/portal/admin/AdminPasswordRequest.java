package org.takeitdown.portal.admin;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The {@code user:password} bytes an admin request offered (empty when it offered none), with the client's address. */
final class AdminPasswordRequest extends BaseAuthenticationRequest {
    final byte[] offered;
    final String address;

    AdminPasswordRequest(byte[] offered, String address) {
        this.offered = offered;
        this.address = address;
    }
}
