"""REST routes for login and bookkeeping: gateway URLs, users, application info, guild, commands."""

from __future__ import annotations

from aiohttp import web

from . import responses
from .capture import API_PREFIX
from .gateway import GATEWAY_PATH
from .rest import RestContext


class CoreRoutes:
    def __init__(self, ctx: RestContext) -> None:
        self.ctx = ctx
        self.state = ctx.state

    def routes(self) -> list[web.RouteDef]:
        a = API_PREFIX
        apps = a + "/applications/{application_id}"
        return [
            web.get(a + "/gateway", self.gateway),
            web.get(a + "/gateway/bot", self.gateway_bot),
            web.get(a + "/users/@me", self.me),
            web.post(a + "/users/@me/channels", self.create_dm),
            web.get(a + "/users/{user_id}", self.user),
            web.get(a + "/oauth2/applications/@me", self.application),
            web.get(a + "/applications/@me", self.application),
            web.get(a + "/guilds/{guild_id}", self.guild),
            web.get(a + "/guilds/{guild_id}/channels", self.guild_channels),
            web.get(a + "/guilds/{guild_id}/roles", self.guild_roles),
            web.get(a + "/guilds/{guild_id}/members/{user_id}", self.guild_member),
            web.get(a + "/channels/{channel_id}", self.channel),
            web.get(apps + "/commands", self.list_commands),
            web.put(apps + "/commands", self.bulk_commands),
            web.post(apps + "/commands", self.upsert_command),
            web.delete(apps + "/commands/{command_id}", self.delete_command),
            web.get(apps + "/guilds/{guild_id}/commands", self.list_commands),
            web.put(apps + "/guilds/{guild_id}/commands", self.bulk_commands),
            web.post(apps + "/guilds/{guild_id}/commands", self.upsert_command),
            web.delete(apps + "/guilds/{guild_id}/commands/{command_id}", self.delete_command),
        ]

    def _route(self, request: web.Request) -> str | None:
        return self.ctx.captured(request).route

    async def gateway(self, request: web.Request) -> web.Response:
        return responses.ok({"url": self.ctx.gateway.base_url + GATEWAY_PATH}, route=self._route(request))

    async def gateway_bot(self, request: web.Request) -> web.Response:
        limit = {"total": 1000, "remaining": 999, "reset_after": 86_400_000, "max_concurrency": 1}
        data = {"url": self.ctx.gateway.base_url + GATEWAY_PATH, "shards": 1, "session_start_limit": limit}
        return responses.ok(data, route=self._route(request))

    async def me(self, request: web.Request) -> web.Response:
        return responses.ok(self.state.bot_user_payload(), route=self._route(request))

    async def user(self, request: web.Request) -> web.Response:
        user = self.state.users.get(request.match_info["user_id"])
        if user is None:
            return responses.error(404, 10013, "Unknown User")
        return responses.ok(user.payload(), route=self._route(request))

    async def create_dm(self, request: web.Request) -> web.Response:
        body = self.ctx.captured(request).json or {}
        user = self.state.users.get(str(body.get("recipient_id")))
        if user is None:
            return responses.error(400, responses.INVALID_FORM_BODY, "Invalid Form Body")
        return responses.ok(self.state.dm_channel(user).payload(), route=self._route(request))

    async def application(self, request: web.Request) -> web.Response:
        return responses.ok(self.state.application_payload(), route=self._route(request))

    def _guild_or_404(self, request: web.Request) -> web.Response | None:
        if request.match_info["guild_id"] != self.state.guild.id:
            return responses.error(404, 10004, "Unknown Guild")
        return None

    async def guild(self, request: web.Request) -> web.Response:
        if missing := self._guild_or_404(request):
            return missing
        guild = self.state.guild
        data = guild.payload(members=[], joined_at="")
        for key in ("members", "channels", "threads", "voice_states", "presences", "joined_at", "large"):
            data.pop(key, None)
        return responses.ok(data, route=self._route(request))

    async def guild_channels(self, request: web.Request) -> web.Response:
        if missing := self._guild_or_404(request):
            return missing
        return responses.ok([c.payload() for c in self.state.guild.channels], route=self._route(request))

    async def guild_roles(self, request: web.Request) -> web.Response:
        if missing := self._guild_or_404(request):
            return missing
        return responses.ok([r.payload() for r in self.state.guild.roles], route=self._route(request))

    async def guild_member(self, request: web.Request) -> web.Response:
        if missing := self._guild_or_404(request):
            return missing
        member = self.state.member(request.match_info["user_id"])
        if member is None:
            return responses.error(404, 10007, "Unknown Member")
        return responses.ok(member.payload(), route=self._route(request))

    async def channel(self, request: web.Request) -> web.Response:
        channel = self.state.channel(request.match_info["channel_id"])
        if channel is None:
            return responses.error(404, responses.UNKNOWN_CHANNEL, "Unknown Channel")
        return responses.ok(channel.payload(), route=self._route(request))

    # -- application commands -------------------------------------------------------------------

    def _scope(self, request: web.Request) -> tuple[str | None, web.Response | None]:
        if request.match_info["application_id"] != self.state.application_id:
            return None, responses.error(403, 50001, "Missing Access")
        guild_id = request.match_info.get("guild_id")
        if guild_id is not None and guild_id != self.state.guild.id:
            return None, responses.error(403, 50001, "Missing Access")
        return guild_id, None

    async def list_commands(self, request: web.Request) -> web.Response:
        scope, problem = self._scope(request)
        if problem:
            return problem
        return responses.ok(self.state.commands.by_scope.get(scope, []), route=self._route(request))

    async def bulk_commands(self, request: web.Request) -> web.Response:
        scope, problem = self._scope(request)
        if problem:
            return problem
        body = self.ctx.captured(request).json
        if not isinstance(body, list):
            return responses.error(400, responses.INVALID_FORM_BODY, "Invalid Form Body")
        stored = self.state.commands.replace(scope, body, self.state.application_id, self.state.ids)
        return responses.ok(stored, route=self._route(request))

    async def upsert_command(self, request: web.Request) -> web.Response:
        scope, problem = self._scope(request)
        if problem:
            return problem
        body = self.ctx.captured(request).json
        if not isinstance(body, dict) or "name" not in body:
            return responses.error(400, responses.INVALID_FORM_BODY, "Invalid Form Body")
        stored = self.state.commands.upsert(scope, body, self.state.application_id, self.state.ids)
        return responses.ok(stored, route=self._route(request), status=201)

    async def delete_command(self, request: web.Request) -> web.Response:
        scope, problem = self._scope(request)
        if problem:
            return problem
        if not self.state.commands.delete(scope, request.match_info["command_id"]):
            return responses.error(404, 10063, "Unknown application command")
        return responses.no_content(route=self._route(request))
