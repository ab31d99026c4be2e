-- Staff permissions (identity.staff.StaffPermission): the column existed since V10 but was
-- unused. Only known names may be stored, so a typo or a forged value can never become a right
-- that some later code happens to recognise. Adding a permission means a migration that widens
-- this list; renaming one means a migration that rewrites the stored names too.
ALTER TABLE identity.staff_account
    ADD CONSTRAINT staff_account_permissions_known CHECK (
        permissions <@ ARRAY['ORDERS', 'PRODUCTS', 'MEMBERS_PERSONAL_DATA', 'EXPORT', 'SETTINGS', 'THEMES',
                             'STAFF_ADMIN']::text[]
        AND array_position(permissions, NULL) IS NULL
    );
