using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CoordinationBot.Storage.Tables;

/// <summary>
/// Table service SharedKeyLite: <c>HMAC-SHA256(key, x-ms-date + "\n" + "/" + account + path [+ "?comp=…"])</c>.
/// Runs per attempt so every retry carries a fresh date.
/// </summary>
internal sealed class SharedKeyLitePolicy(string accountName, string accountKey) : HttpPipelineSynchronousPolicy
{
    private readonly byte[] key = Convert.FromBase64String(accountKey);

    public override void OnSendingRequest(HttpMessage message)
    {
        var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        message.Request.Headers.SetValue("x-ms-date", date);
        var uri = message.Request.Uri.ToUri();
        var resource = $"/{accountName}{uri.AbsolutePath}";
        var comp = System.Web.HttpUtility.ParseQueryString(uri.Query)["comp"];
        if (comp is not null)
        {
            resource += "?comp=" + comp;
        }

        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(date + "\n" + resource)));
        message.Request.Headers.SetValue("Authorization", $"SharedKeyLite {accountName}:{signature}");
    }
}
