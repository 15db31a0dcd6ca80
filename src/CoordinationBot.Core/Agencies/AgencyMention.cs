namespace CoordinationBot.Core.Agencies;

/// <summary>An agency named in a text: tokens [<see cref="Start"/>, <see cref="End"/>) of the token list it was found in.</summary>
public sealed record AgencyMention(int Start, int End, Agency Agency);
