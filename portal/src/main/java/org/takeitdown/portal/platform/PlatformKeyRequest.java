package org.takeitdown.portal.platform;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A platform API key as sent, and the client's address. */
final class PlatformKeyRequest extends BaseAuthenticationRequest {
    final String key;
    final String address;

    PlatformKeyRequest(String key, String address) {
        this.key = key;
        this.address = address;
    }
}
