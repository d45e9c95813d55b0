// Web chat bootstrap: get a Direct Line token from this server, then render the
// stock Bot Framework Web Chat against it. Texts come from the page's config block.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('vks-config').textContent);
  var status = document.getElementById('vks-status');

  function fail(error) {
    console.error(error);
    status.textContent = config.connectError;
    status.hidden = false;
  }

  fetch('/api/directline/token', { method: 'POST', headers: { Accept: 'application/json' } })
    .then(function (res) {
      if (!res.ok) throw new Error('token endpoint answered ' + res.status);
      return res.json();
    })
    .then(function (grant) {
      var directLine = window.WebChat.createDirectLine({
        // null domain: the Direct Line served by this very server.
        domain: grant.domain || window.location.origin + '/v3/directline',
        webSocket: grant.webSocket,
        token: grant.token,
        pollingInterval: 500,
      });
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          userID: grant.userId,
          username: config.userName,
          locale: 'vi-VN',
          overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: config.placeholder },
          styleOptions: {
            hideUploadButton: true,
            botAvatarInitials: 'VKS',
            userAvatarInitials: 'B',
            bubbleMaxWidth: 720,
            suggestedActionLayout: 'flow',
            accent: '#a50e0e',
            primaryFont: "'Segoe UI', 'Noto Sans', Roboto, Arial, sans-serif",
          },
        },
        document.getElementById('webchat'),
      );
      document.querySelector('#webchat').focus();
    })
    .catch(fail);
})();
