namespace Mediation.Integrations;

/// <summary>What other modules and the host may know about the Integrations module without referencing it.</summary>
public static class IntegrationsModuleInfo
{
    public const string Name = "integrations";
    public const string ApiPrefix = "/api/integrations";

    /// <summary>The header an integrating system sends its API key in; it is not a user session.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>Callback headers: Unix seconds, and HMAC-SHA256(secret, timestamp + "." + body) in lower-case hex.</summary>
    public const string TimestampHeader = "X-Mediation-Timestamp";
    public const string SignatureHeader = "X-Mediation-Signature";
    public const string DeliveryHeader = "X-Mediation-Delivery";
}
