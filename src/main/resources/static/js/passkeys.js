// Passkey ceremonies for the login and account pages. The server's options carry binary
// members in unpadded base64url; the browser's API wants ArrayBuffers and answers with
// them, so both ways are converted here rather than relying on the JSON helpers only the
// newest browsers have.
(function () {
  "use strict";

  function toBuffer(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    var binary = atob(base64 + "===".slice((base64.length + 3) % 4));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toText(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function credentialIds(list) {
    return (list || []).map(function (item) {
      return Object.assign({}, item, { id: toBuffer(item.id) });
    });
  }

  function post(root, path, body) {
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    headers[root.dataset.csrfHeader] = root.dataset.csrf;
    return fetch(path, { method: "POST", headers: headers, credentials: "same-origin",
        body: JSON.stringify(body || {}) })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (!response.ok) {
            throw new Error(json.message || "The server answered " + response.status + ".");
          }
          return json;
        });
      });
  }

  function show(root, message) {
    var status = root.querySelector("[data-passkey-status]");
    status.textContent = message;
    status.hidden = false;
    status.focus();
  }

  function failed(root, error) {
    // the person closed the browser's dialog or let it time out: not an error to shout
    if (error && (error.name === "NotAllowedError" || error.name === "AbortError")) {
      show(root, "No passkey was used. You can try again.");
    } else {
      show(root, error && error.message ? error.message : "The passkey did not work.");
    }
  }

  function signIn(root) {
    var options;
    return post(root, root.dataset.options)
      .then(function (answer) {
        options = answer;
        var key = answer.publicKey;
        return navigator.credentials.get({ publicKey: Object.assign({}, key, {
          challenge: toBuffer(key.challenge),
          allowCredentials: credentialIds(key.allowCredentials)
        }) });
      })
      .then(function (credential) {
        var response = credential.response;
        return post(root, root.dataset.submit, { challengeId: options.challengeId, credential: {
          id: credential.id, rawId: toText(credential.rawId), type: credential.type,
          authenticatorAttachment: credential.authenticatorAttachment || null,
          clientExtensionResults: credential.getClientExtensionResults(),
          response: {
            clientDataJSON: toText(response.clientDataJSON),
            authenticatorData: toText(response.authenticatorData),
            signature: toText(response.signature),
            userHandle: response.userHandle ? toText(response.userHandle) : null
          }
        } });
      });
  }

  function register(root) {
    var options;
    var label = root.querySelector("[name=label]").value.trim();
    if (!label) {
      return Promise.reject(new Error("Give the passkey a name first."));
    }
    return post(root, root.dataset.options)
      .then(function (answer) {
        options = answer;
        var key = answer.publicKey;
        return navigator.credentials.create({ publicKey: Object.assign({}, key, {
          challenge: toBuffer(key.challenge),
          user: Object.assign({}, key.user, { id: toBuffer(key.user.id) }),
          excludeCredentials: credentialIds(key.excludeCredentials)
        }) });
      })
      .then(function (credential) {
        var response = credential.response;
        return post(root, root.dataset.submit, { challengeId: options.challengeId, label: label, credential: {
          id: credential.id, rawId: toText(credential.rawId), type: credential.type,
          authenticatorAttachment: credential.authenticatorAttachment || null,
          clientExtensionResults: credential.getClientExtensionResults(),
          response: {
            clientDataJSON: toText(response.clientDataJSON),
            attestationObject: toText(response.attestationObject),
            transports: response.getTransports ? response.getTransports() : []
          }
        } });
      });
  }

  document.querySelectorAll("[data-passkey]").forEach(function (root) {
    if (!window.PublicKeyCredential || !navigator.credentials) {
      return; // the section stays hidden where the browser cannot use passkeys
    }
    root.hidden = false;
    var ceremony = root.dataset.passkey === "sign-in" ? signIn : register;
    var form = root.querySelector("form");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button");
      button.disabled = true;
      ceremony(root)
        .then(function (answer) { window.location.assign(answer.location || "/"); })
        .catch(function (error) { failed(root, error); })
        .then(function () { button.disabled = false; });
    });
  });
})();
