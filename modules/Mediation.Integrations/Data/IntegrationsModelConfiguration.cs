using Mediation.Integrations.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Integrations.Data;

internal static class IntegrationsModelConfiguration
{
    public const string Schema = "integrations";

    public static void Configure(ModelBuilder model)
    {
        model.Entity<IntegratingSystem>(b =>
        {
            b.ToTable("Systems", Schema);
            b.HasKey(s => s.Id);
            b.Property(s => s.Name).HasMaxLength(IntegratingSystem.NameMaxLength);
            b.HasIndex(s => s.Name).IsUnique();
            b.Property(s => s.ApiKeyPrefix).HasMaxLength(20);
            b.Property(s => s.ApiKeyHash).HasMaxLength(64);
            b.HasIndex(s => s.ApiKeyHash).IsUnique();
            b.Property(s => s.CallbackSecretCipher).HasMaxLength(500);
            b.Property(s => s.CallbackUrl).HasMaxLength(IntegratingSystem.CallbackUrlMaxLength);
            b.Property(s => s.CreatedBy).HasMaxLength(100);
            b.OwnsMany(s => s.Scope, x =>
            {
                x.ToTable("SystemScopeUnits", Schema);
                x.WithOwner().HasForeignKey("SystemId");
                x.HasKey("SystemId", nameof(SystemScopeUnit.OrgUnitId));
            });
            b.Navigation(s => s.Scope).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        model.Entity<WorkOrder>(b =>
        {
            b.ToTable("WorkOrders", Schema);
            b.HasKey(w => w.Id);
            // The idempotency key of a push: a repeated number from the same system finds this row.
            b.HasIndex(w => new { w.SystemId, w.Number }).IsUnique();
            b.HasIndex(w => new { w.Kind, w.RecordId });
            b.Property(w => w.Number).HasMaxLength(WorkOrderNumbers.MaxLength);
            b.Property(w => w.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(w => w.Stage).HasConversion<int>();
            b.Property(w => w.Channel).HasMaxLength(WorkOrder.ChannelMaxLength);
            b.Property(w => w.CallerName).HasMaxLength(WorkOrder.CallerNameMaxLength);
            b.Property(w => w.CallerPhoneMasked).HasMaxLength(20);
            b.Property(w => w.CallerPhoneCipher).HasMaxLength(200);
            b.Property(w => w.CallerPhoneHash).HasMaxLength(64);
            b.Property(w => w.Content).HasMaxLength(WorkOrder.ContentMaxLength);
            b.Property(w => w.Category).HasMaxLength(WorkOrder.CategoryMaxLength);
            b.Property(w => w.OrgUnitCode).HasMaxLength(50);
            b.Property(w => w.RecordNumber).HasMaxLength(WorkOrder.RecordNumberMaxLength);
            b.HasOne<IntegratingSystem>().WithMany().HasForeignKey(w => w.SystemId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<CallbackDelivery>(b =>
        {
            b.ToTable("CallbackDeliveries", Schema);
            b.HasKey(d => d.Id);
            // One message per stage reached: the stage is told once however often its event arrives.
            b.HasIndex(d => new { d.WorkOrderId, d.Stage }).IsUnique();
            b.HasIndex(d => new { d.DeliveredAt, d.NextAttemptAt });
            b.HasIndex(d => new { d.SystemId, d.CreatedAt });
            b.Property(d => d.Stage).HasConversion<int>();
            b.Property(d => d.WorkOrderNumber).HasMaxLength(WorkOrderNumbers.MaxLength);
            b.Property(d => d.Payload).HasMaxLength(12000);
            b.HasOne<WorkOrder>().WithMany().HasForeignKey(d => d.WorkOrderId).OnDelete(DeleteBehavior.Restrict);
            b.OwnsMany(d => d.Attempts, x =>
            {
                x.ToTable("CallbackAttempts", Schema);
                x.WithOwner().HasForeignKey("DeliveryId");
                x.HasKey("DeliveryId", nameof(CallbackAttempt.Number));
                x.Property(a => a.Number).ValueGeneratedNever();
                x.Property(a => a.Error).HasMaxLength(CallbackDelivery.ErrorMaxLength);
            });
            b.Navigation(d => d.Attempts).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
    }
}
