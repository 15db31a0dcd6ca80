using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.Consolidation;

/// <summary>Configuration section <c>Files</c>: where download links point, how long they live, and the key that signs them.</summary>
public sealed class FileLinkOptions
{
    public const string SectionName = "Files";

    /// <summary>The bot host's public address (the links in cards point here).</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:3978/");

    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Base64 HMAC key shared by all instances (user secrets / Key Vault); empty: a key per process.</summary>
    public string? SigningKey { get; set; }
}

/// <summary>Short-lived signed download links: <c>/files/{id}?exp=unix&amp;sig=hmac</c>; the host checks both before serving.</summary>
public sealed class FileLinks(IOptions<FileLinkOptions> options, TimeProvider time)
{
    private readonly byte[] key = string.IsNullOrWhiteSpace(options.Value.SigningKey) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(options.Value.SigningKey);

    public TimeSpan Lifetime => options.Value.LinkLifetime;

    public Uri Create(string id)
    {
        var expires = time.GetUtcNow().Add(options.Value.LinkLifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new Uri(options.Value.PublicBaseUrl, $"files/{Uri.EscapeDataString(id)}?exp={expires}&sig={Sign(id, expires)}");
    }

    public bool IsValid(string id, string? expires, string? signature)
    {
        if (expires is null || signature is null || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(id, expires));
        return time.GetUtcNow().ToUnixTimeSeconds() <= unix && CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private string Sign(string id, string expires) =>
        Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(id + "\n" + expires))).ToLowerInvariant();
}
