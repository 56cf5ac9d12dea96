namespace Mediation.Core.Identity;

/// <summary>The rate limit an anonymous write endpoint (an enterprise's sign-up) shares with sign-in, per client address.</summary>
public static class SignInThrottle
{
    public const string Policy = "sign-in";
}
