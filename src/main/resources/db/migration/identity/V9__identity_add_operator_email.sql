-- Where an operator is told about their own account (a lock after repeated failed sign-ins,
-- later new-device and change alerts). Required by the setup form; NULL only for operators
-- created before this column existed, who get no mail until an address is set.
ALTER TABLE identity.operator_account
    ADD COLUMN email text CHECK (email IS NULL OR (length(email) BETWEEN 3 AND 254 AND email LIKE '_%@_%'));
