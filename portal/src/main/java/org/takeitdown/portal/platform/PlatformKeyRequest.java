package org.takeitdown.portal.platform;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A platform API key as sent, with the challenge to answer when it is wrong and the client's address. */
final class PlatformKeyRequest extends BaseAuthenticationRequest {
    final String key;
    final String challenge;
    final String address;

    PlatformKeyRequest(String key, String challenge, String address) {
        this.key = key;
        this.challenge = challenge;
        this.address = address;
    }
}
