namespace Mediation.ServiceDesk.Application;

/// <summary>Which org unit runs the desk, and the 机关代字 of its request numbers (肥城接诉〔2026〕1号).</summary>
public sealed class ServiceDeskOptions
{
    public const string Section = "ServiceDesk";

    public string DeskUnitCode { get; set; } = "370983";

    public string NumberPrefix { get; set; } = "肥城接诉";
}
