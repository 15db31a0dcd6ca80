namespace CoordinationBot.BotFramework.Schema;

/// <summary>The id the connector gave to a sent activity.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>Answer to <c>POST /v3/conversations</c>.</summary>
public sealed record ConversationResourceResponse(string? Id, string? ServiceUrl, string? ActivityId);

/// <summary>One page of <c>GET /v3/conversations/{id}/pagedmembers</c>.</summary>
public sealed record PagedMembersResult(IReadOnlyList<ChannelAccount>? Members, string? ContinuationToken);

/// <summary>Body of the HTTP response to an <c>invoke</c> activity.</summary>
public sealed record InvokeResponse(int Status, System.Text.Json.Nodes.JsonNode? Body);
