/* global window */
// Who is speaking in the chat window: the bot, or a person of the service Client. Messages an
// agent wrote come with `from: { id: 'agent:…', name }` (bot/directline/sender.ts); presence
// notices carry channelData.relaisNotice. Web Chat only knows "bot" and "user", so these
// middlewares give a person their own group, initials avatar and name (above the bubble), and draw
// notices as an
// event line. The page loads no React of its own: every renderer returns text, which React draws
// as is; chat.css styles the spots where that text lands.
(function () {
  'use strict';

  // Only what the server sent counts: a customer's own activity (role "user") may carry any
  // channelData it likes, and must not draw itself as a notice or a person of the service.
  function fromServer(activity) {
    return !!(activity && activity.from && activity.from.role === 'bot');
  }

  function agentOf(activity) {
    var from = fromServer(activity) ? activity.from : {};
    return typeof from.id === 'string' && from.id.indexOf('agent:') === 0 && from.name ? from : null;
  }

  function noticeOf(activity) {
    var data = fromServer(activity) && activity.channelData;
    return data && typeof data.relaisNotice === 'string' && activity.text ? activity.text : null;
  }

  function initials(name) {
    return name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map(function (word) {
        return word.charAt(0).toUpperCase();
      })
      .join('');
  }

  // Consecutive activities of one sender form a group (Web Chat's own groups by role, which puts
  // the agent in the bot's bubble group); a notice stands alone.
  function senderKey(activity) {
    if (noticeOf(activity)) return 'notice:' + activity.id;
    return (activity.from && activity.from.role) + ':' + (activity.from && activity.from.id);
  }

  // Splits each group into runs of one sender.
  function bySender(groups) {
    var runs = [];
    groups.forEach(function (group) {
      group.forEach(function (activity, index) {
        if (index > 0 && senderKey(group[index - 1]) === senderKey(activity))
          runs[runs.length - 1].push(activity);
        else runs.push([activity]);
      });
    });
    return runs;
  }

  // Web Chat's own groups go by role, which puts the agent in the bot's group: split them by
  // sender, both the bubble groups and the timestamp groups (which nest in them).
  function groupActivitiesMiddleware() {
    return function (next) {
      return function (args) {
        var groups = next(args);
        return Object.assign({}, groups, {
          sender: bySender(groups.sender || [args.activities]),
          status: bySender(groups.status || [args.activities]),
        });
      };
    };
  }

  function avatarMiddleware() {
    return function (next) {
      return function (args) {
        var agent = agentOf(args.activity);
        if (!agent) return next(args);
        var text = initials(agent.name);
        return function () {
          return text;
        };
      };
    };
  }

  // A notice as its text alone; an agent's message with their name above the bubble.
  function activityMiddleware() {
    return function (next) {
      return function () {
        var card = arguments[0];
        var activity = card && card.activity;
        var notice = noticeOf(activity);
        if (notice)
          return function () {
            return notice;
          };
        var render = next.apply(null, arguments);
        var agent = agentOf(activity);
        if (!agent || !render) return render;
        return function () {
          return [agent.name, render.apply(null, arguments)];
        };
      };
    };
  }

  window.RelaisPeople = {
    middleware: {
      groupActivitiesMiddleware: groupActivitiesMiddleware,
      avatarMiddleware: avatarMiddleware,
      activityMiddleware: activityMiddleware,
    },
  };
})();
