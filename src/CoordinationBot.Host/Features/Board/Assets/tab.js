// The "Bảng theo dõi" tab: signs in (Teams SSO, or a development sign-in on loopback), fills the filters from the
// rounds the server says the user may see, and shows the board the server renders for the chosen round.
(function () {
  "use strict";
  var body = document.body;
  var development = body.dataset.mode === "development";
  var message = document.getElementById("message");
  var authorization = null;
  var rounds = [];

  function say(text) { message.textContent = text || ""; }

  function teamsToken() {
    if (!window.microsoftTeams) {
      return Promise.reject(new Error("Không tải được thư viện Teams. Hãy mở tab này trong Microsoft Teams."));
    }
    return microsoftTeams.app.initialize().then(function () {
      return microsoftTeams.authentication.getAuthToken();
    }).then(function (token) { return "Bearer " + token; }, function () {
      throw new Error("Teams chưa cấp được phiên đăng nhập. Hãy đóng và mở lại tab, hoặc báo quản trị viên kiểm tra đăng ký ứng dụng.");
    });
  }

  function call(path, options) {
    options = options || {};
    options.headers = { Authorization: authorization };
    return fetch(path, options).then(function (response) {
      if (response.ok) { return response; }
      return response.json().then(function (problem) { throw new Error(problem.message); }, function () {
        throw new Error("Máy chủ không trả lời được (mã " + response.status + "). Hãy thử lại sau ít phút.");
      });
    });
  }

  function option(select, value, text) {
    var item = document.createElement("option");
    item.value = value;
    item.textContent = text;
    select.appendChild(item);
  }

  function developmentSignIn() {
    var section = document.getElementById("signin");
    var select = document.getElementById("dev-user");
    section.hidden = false;
    return fetch("/api/board/development-users").then(function (r) { return r.json(); }).then(function (users) {
      users.forEach(function (u) { option(select, u.aadObjectId, u.name + " — " + (u.agency || "chưa gắn cơ quan")); });
      return new Promise(function (resolve) {
        document.getElementById("dev-signin").addEventListener("click", function () {
          section.hidden = true;
          resolve("Development " + select.value);
        });
      });
    });
  }

  function signIn() { return development ? developmentSignIn() : teamsToken(); }

  function fillPlans(fixedPlan) {
    var plan = document.getElementById("plan");
    plan.textContent = "";
    var seen = {};
    rounds.forEach(function (r) {
      if (!seen[r.planKey] && (!fixedPlan || r.planKey === fixedPlan)) { seen[r.planKey] = true; option(plan, r.planKey, r.planLabel); }
    });
    plan.disabled = plan.options.length < 2;
  }

  function fillRounds() {
    var plan = document.getElementById("plan").value;
    var round = document.getElementById("round");
    round.textContent = "";
    rounds.filter(function (r) { return r.planKey === plan; }).forEach(function (r) {
      option(round, r.roundId, r.period + (r.open ? " (đang mở, hạn " : " (đã đóng, hạn ") + r.due + ")");
    });
  }

  function fillAgencies(board) {
    var select = document.getElementById("agency");
    var whole = board.dataset.scope === "whole";
    select.parentElement.hidden = !whole;
    if (!whole || select.options.length > 1) { return; }
    (board.dataset.agencies || "").split("|").filter(Boolean).forEach(function (a) { option(select, a, a); });
  }

  function show() {
    var round = document.getElementById("round").value;
    var agency = document.getElementById("agency").value;
    if (!round) { return; }
    say("");
    var started = performance.now();
    return call("/api/board/view?round=" + encodeURIComponent(round) + (agency ? "&agency=" + encodeURIComponent(agency) : ""))
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var board = document.getElementById("board");
        board.innerHTML = html;
        var root = board.firstElementChild;
        if (root) { fillAgencies(root); root.dataset.loadedMs = String(Math.round(performance.now() - started)); }
        var download = board.querySelector("[data-download]");
        if (download) { download.addEventListener("click", function () { files(round); }); }
        var linked = new URLSearchParams(location.search).get("task");
        var row = linked && Array.prototype.find.call(board.querySelectorAll("tr[data-task]"), function (r) { return r.dataset.task === linked; });
        if (row) { row.classList.add("linked"); row.scrollIntoView({ block: "center" }); }
      }, function (e) { say(e.message); });
  }

  function files(round) {
    say("Đang tạo báo cáo…");
    call("/api/board/files?round=" + encodeURIComponent(round), { method: "POST" })
      .then(function (r) { return r.json(); })
      .then(function (links) {
        var place = document.getElementById("download-links");
        place.textContent = "";
        [["Tải báo cáo (Word)", links.word], ["Tải bảng tổng hợp (Excel)", links.excel]].forEach(function (l) {
          var a = document.createElement("a");
          a.href = l[1];
          a.textContent = l[0];
          a.target = "_blank";
          a.rel = "noopener";
          place.appendChild(a);
        });
        say("");
      }, function (e) { say(e.message); });
  }

  function start() {
    var fixedPlan = body.dataset.plan || "";
    return call("/api/board/rounds").then(function (r) { return r.json(); }).then(function (answer) {
      document.getElementById("who").textContent = answer.viewer;
      rounds = answer.rounds;
      if (rounds.length === 0) { say(answer.empty); return; }
      document.getElementById("filters").hidden = false;
      fillPlans(fixedPlan);
      fillRounds();
      document.getElementById("plan").addEventListener("change", function () { fillRounds(); show(); });
      document.getElementById("round").addEventListener("change", show);
      document.getElementById("agency").addEventListener("change", show);
      return show();
    });
  }

  function configure() {
    var select = document.getElementById("config-plan");
    return call("/api/board/rounds").then(function (r) { return r.json(); }).then(function (answer) {
      var seen = {};
      answer.rounds.forEach(function (r) { if (!seen[r.planKey]) { seen[r.planKey] = true; option(select, r.planKey, r.planLabel); } });
      if (development || !window.microsoftTeams) { return; }
      microsoftTeams.pages.config.registerOnSaveHandler(function (save) {
        var plan = select.value;
        var url = location.origin + "/tab" + (plan ? "?plan=" + encodeURIComponent(plan) : "");
        microsoftTeams.pages.config.setConfig({ contentUrl: url, websiteUrl: url, entityId: "board-" + (plan || "all"), suggestedDisplayName: "Bảng theo dõi" })
          .then(function () { save.notifySuccess(); }, function () { save.notifyFailure("Không lưu được cấu hình tab."); });
      });
      microsoftTeams.pages.config.setValidityState(true);
    });
  }

  signIn().then(function (value) {
    authorization = value;
    return body.dataset.config ? configure() : start();
  }).catch(function (e) { say(e.message); });
})();
